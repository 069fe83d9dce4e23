import { defineMessages } from "../define";

export const calendar = defineMessages({
  vi: {
    "calendar.nav": "Lịch của tôi",
    "calendar.title": "Lịch của tôi",
    "calendar.intro":
      "Đăng ký các lịch dưới đây trong Google Calendar, Outlook hoặc iPhone: lượt đặt chỗ và buổi cố vấn sẽ tự cập nhật trong ứng dụng lịch của bạn.",
    "calendar.privacy":
      "Ai có đường dẫn cũng xem được lịch. Đừng chia sẻ đường dẫn; nếu lỡ chia sẻ, hãy tạo đường dẫn mới.",

    "calendar.person.heading": "Lịch cá nhân",
    "calendar.person.hint": "Lượt đặt chỗ của bạn và các buổi cố vấn bạn tham gia.",
    "calendar.teams.heading": "Lịch nhóm",
    "calendar.team.hint": "Các buổi cố vấn và lượt đặt chỗ của nhóm {team}.",
    "calendar.centre.heading": "Lịch toàn trung tâm",
    "calendar.centre.hint": "Mọi lượt đặt chỗ và buổi cố vấn của trung tâm, có tên người đặt.",
    "calendar.resources.heading": "Lịch phòng",
    "calendar.resources.hintStaff":
      "Mỗi phòng, mỗi chỗ ngồi một lịch, ví dụ cho màn hình bên cửa phòng. Lịch do cán bộ tạo có tên người đặt.",
    "calendar.resources.hintMember":
      "Thời gian bận của các phòng bạn được đặt, không có tên người đặt, để chọn giờ trống.",
    "calendar.resources.none": "Không có phòng nào.",
    "calendar.resources.choose": "Phòng hoặc chỗ ngồi",
    "calendar.resource.name": "{code} · {name}",

    "calendar.none": "Chưa có đường dẫn cho lịch này.",
    "calendar.create": "Tạo đường dẫn",
    "calendar.createFor": "Tạo đường dẫn cho {name}",
    "calendar.link.https": "Đường dẫn https",
    "calendar.link.httpsHint": "Dán vào Google Calendar hoặc Outlook trên web.",
    "calendar.link.webcal": "Đường dẫn webcal",
    "calendar.link.webcalHint": "Dán vào iPhone, máy Mac hoặc Outlook trên máy tính.",
    "calendar.link.open": "Mở trong ứng dụng lịch",
    "calendar.copy": "Sao chép",
    "calendar.copyLabel": "Sao chép {link}",
    "calendar.copied": "Đã sao chép",
    "calendar.copyFailed": "Không sao chép được. Hãy chọn đường dẫn rồi sao chép.",
    "calendar.regenerate": "Tạo đường dẫn mới",
    "calendar.regenerateWarning":
      "Đường dẫn cũ sẽ ngừng hoạt động ngay lập tức: mọi ứng dụng lịch đang dùng nó phải đăng ký lại bằng đường dẫn mới.",
    "calendar.revoke": "Thu hồi đường dẫn",
    "calendar.revokeWarning": "Đường dẫn sẽ ngừng hoạt động ngay lập tức và lịch thôi cập nhật ở mọi nơi.",

    "calendar.notice.created": "Đã tạo đường dẫn lịch.",
    "calendar.notice.regenerated": "Đã tạo đường dẫn mới. Đường dẫn cũ không còn hoạt động.",
    "calendar.notice.revoked": "Đã thu hồi đường dẫn. Đường dẫn đó không còn hoạt động.",
    "calendar.error.invalid": "Yêu cầu không hợp lệ. Hãy tải lại trang rồi thử lại.",

    "calendar.help.heading": "Cách đăng ký lịch",
    "calendar.help.google": "Google Calendar",
    "calendar.help.google.1": "Sao chép đường dẫn https.",
    "calendar.help.google.2":
      "Trên máy tính, mở calendar.google.com, bấm dấu + cạnh “Lịch khác” (Other calendars) rồi chọn “Từ URL” (From URL).",
    "calendar.help.google.3": "Dán đường dẫn và bấm “Thêm lịch”. Google cập nhật lịch đăng ký vài giờ một lần.",
    "calendar.help.outlook": "Outlook",
    "calendar.help.outlook.1": "Sao chép đường dẫn https.",
    "calendar.help.outlook.2":
      "Trong Outlook trên web, mở Lịch, chọn “Thêm lịch” (Add calendar) rồi “Đăng ký từ web” (Subscribe from web).",
    "calendar.help.outlook.3": "Dán đường dẫn, đặt tên cho lịch rồi bấm “Nhập” (Import).",
    "calendar.help.iphone": "iPhone",
    "calendar.help.iphone.1": "Sao chép đường dẫn webcal, hoặc chạm “Mở trong ứng dụng lịch” ngay trên iPhone.",
    "calendar.help.iphone.2":
      "Mở Cài đặt → Lịch → Tài khoản → Thêm tài khoản → Khác → Thêm lịch đã đăng ký (Add Subscribed Calendar).",
    "calendar.help.iphone.3": "Dán đường dẫn, bấm “Tiếp” rồi “Lưu”.",

    "calendar.event.heading": "Thêm vào lịch",
    "calendar.event.download": "Tải về lịch (.ics)",
    "calendar.event.google": "Thêm vào Google Calendar",
    "calendar.event.outlook": "Thêm vào Outlook.com",
    "calendar.event.copyNote": "Đây là bản sao một lần; để lịch tự cập nhật, hãy đăng ký lịch của bạn.",
    "calendar.subscribe": "Đăng ký lịch trong ứng dụng lịch",
  },
  en: {
    "calendar.nav": "My calendars",
    "calendar.title": "My calendars",
    "calendar.intro":
      "Subscribe to these calendars in Google Calendar, Outlook or on your iPhone, and your bookings and mentoring sessions stay up to date in your calendar app.",
    "calendar.privacy":
      "Anyone with a link can see its calendar. Keep your links to yourself; if one has been shared, make a new link.",

    "calendar.person.heading": "Personal calendar",
    "calendar.person.hint": "Your bookings and the mentoring sessions you take part in.",
    "calendar.teams.heading": "Team calendars",
    "calendar.team.hint": "The mentoring sessions and bookings of {team}.",
    "calendar.centre.heading": "Whole-centre calendar",
    "calendar.centre.hint": "Every booking and mentoring session in the centre, with who booked.",
    "calendar.resources.heading": "Room calendars",
    "calendar.resources.hintStaff":
      "One calendar per room or desk, for example for the screen beside a room's door. A calendar made by staff shows who booked.",
    "calendar.resources.hintMember":
      "When the rooms you may book are busy, without names, so you can pick a free time.",
    "calendar.resources.none": "There are no rooms.",
    "calendar.resources.choose": "Room or desk",
    "calendar.resource.name": "{code} · {name}",

    "calendar.none": "This calendar has no link yet.",
    "calendar.create": "Create link",
    "calendar.createFor": "Create link for {name}",
    "calendar.link.https": "https link",
    "calendar.link.httpsHint": "Paste into Google Calendar or Outlook on the web.",
    "calendar.link.webcal": "webcal link",
    "calendar.link.webcalHint": "Paste into an iPhone, a Mac or desktop Outlook.",
    "calendar.link.open": "Open in calendar app",
    "calendar.copy": "Copy",
    "calendar.copyLabel": "Copy the {link}",
    "calendar.copied": "Copied",
    "calendar.copyFailed": "Could not copy. Select the link and copy it yourself.",
    "calendar.regenerate": "Make a new link",
    "calendar.regenerateWarning":
      "The old link stops working at once: every calendar app that uses it must subscribe again with the new link.",
    "calendar.revoke": "Revoke link",
    "calendar.revokeWarning": "The link stops working at once and the calendar stops updating everywhere.",

    "calendar.notice.created": "Calendar link created.",
    "calendar.notice.regenerated": "New link made. The old link no longer works.",
    "calendar.notice.revoked": "Link revoked. It no longer works.",
    "calendar.error.invalid": "That request was not valid. Reload the page and try again.",

    "calendar.help.heading": "How to subscribe",
    "calendar.help.google": "Google Calendar",
    "calendar.help.google.1": "Copy the https link.",
    "calendar.help.google.2":
      "On a computer, open calendar.google.com, click + next to “Other calendars” and choose “From URL”.",
    "calendar.help.google.3":
      "Paste the link and click “Add calendar”. Google refreshes subscribed calendars every few hours.",
    "calendar.help.outlook": "Outlook",
    "calendar.help.outlook.1": "Copy the https link.",
    "calendar.help.outlook.2":
      "In Outlook on the web, open Calendar, choose “Add calendar”, then “Subscribe from web”.",
    "calendar.help.outlook.3": "Paste the link, name the calendar and click “Import”.",
    "calendar.help.iphone": "iPhone",
    "calendar.help.iphone.1": "Copy the webcal link, or tap “Open in calendar app” on the iPhone itself.",
    "calendar.help.iphone.2": "Open Settings → Calendar → Accounts → Add Account → Other → Add Subscribed Calendar.",
    "calendar.help.iphone.3": "Paste the link, tap “Next”, then “Save”.",

    "calendar.event.heading": "Add to your calendar",
    "calendar.event.download": "Download to calendar (.ics)",
    "calendar.event.google": "Add to Google Calendar",
    "calendar.event.outlook": "Add to Outlook.com",
    "calendar.event.copyNote": "This adds a one-off copy; to keep it up to date, subscribe to your calendar.",
    "calendar.subscribe": "Subscribe in your calendar app",
  },
});
