import { defineMessages } from "../define";

export const stripe = defineMessages({
  vi: {
    "stripe.card.title": "Thanh toán bằng thẻ",
    "stripe.card.button": "Thanh toán bằng thẻ",
    "stripe.card.note":
      "Bạn sẽ được chuyển sang trang thanh toán an toàn của Stripe. Trung tâm không lưu thông tin thẻ.",
    "stripe.card.done":
      "Stripe đã nhận thanh toán thẻ của bạn. Nếu khoản này chưa hiện là đã thanh toán, hãy tải lại trang sau vài giây.",
    "stripe.card.cancelled":
      "Bạn đã dừng thanh toán thẻ, chưa có khoản nào bị trừ. Bạn có thể thanh toán lại trong thời gian giữ chỗ.",
    "stripe.error.hold_expired":
      "Thời gian giữ chỗ đã hết nên không thể thanh toán, chưa có khoản nào bị trừ. Vui lòng đặt lại.",
    "stripe.error.already_paid": "Khoản này đã được thanh toán.",
    "stripe.error.not_payable": "Khoản này không còn chờ thanh toán.",
    "stripe.error.not_found": "Không tìm thấy khoản thanh toán này.",
    "stripe.error.stripe_refused":
      "Stripe chưa nhận yêu cầu thanh toán. Vui lòng thử lại sau hoặc chọn cách thanh toán khác.",
    "stripe.mock.title": "Trang thanh toán thử",
    "stripe.mock.notice":
      "Đây là trang thay cho trang thanh toán của Stripe khi chạy thử (npm run start:mocks). Không có thẻ nào bị trừ tiền.",
    "stripe.mock.items": "Nội dung",
    "stripe.mock.amount": "Số tiền",
    "stripe.mock.pay": "Thanh toán",
    "stripe.mock.cancel": "Hủy",
    "stripe.mock.closed": "Phiên thanh toán này đã đóng.",
    "stripe.mock.back": "Quay lại trang của trung tâm",
  },
  en: {
    "stripe.card.title": "Pay by card",
    "stripe.card.button": "Pay by card",
    "stripe.card.note": "You will be taken to Stripe's secure payment page. The centre does not keep card details.",
    "stripe.card.done":
      "Stripe has received your card payment. If this does not show as paid yet, reload the page in a few seconds.",
    "stripe.card.cancelled":
      "You stopped the card payment and nothing was charged. You can pay again while the booking is held.",
    "stripe.error.hold_expired":
      "The hold has expired, so it can no longer be paid and nothing was charged. Please book again.",
    "stripe.error.already_paid": "This has already been paid.",
    "stripe.error.not_payable": "This is no longer waiting for payment.",
    "stripe.error.not_found": "This payment was not found.",
    "stripe.error.stripe_refused":
      "Stripe did not accept the payment request. Please try again later or choose another way to pay.",
    "stripe.mock.title": "Test checkout",
    "stripe.mock.notice":
      "This page stands in for Stripe's checkout page in the test mode (npm run start:mocks). No card is charged.",
    "stripe.mock.items": "Items",
    "stripe.mock.amount": "Amount",
    "stripe.mock.pay": "Pay",
    "stripe.mock.cancel": "Cancel",
    "stripe.mock.closed": "This checkout session is closed.",
    "stripe.mock.back": "Back to the centre's page",
  },
});
