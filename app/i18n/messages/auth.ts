import { defineMessages } from "../define";

export const auth = defineMessages({
  vi: {
    "auth.field.name": "Họ và tên",
    "auth.field.email": "Email",
    "auth.field.phone": "Số điện thoại (không bắt buộc)",
    "auth.field.password": "Mật khẩu",
    "auth.field.passwordConfirm": "Nhập lại mật khẩu",
    "auth.field.currentPassword": "Mật khẩu hiện tại",
    "auth.field.newPassword": "Mật khẩu mới",
    "auth.field.newPasswordConfirm": "Nhập lại mật khẩu mới",
    "auth.password.hint": "Ít nhất 10 ký tự. Một câu ngắn dễ nhớ là mật khẩu tốt.",
    "auth.password.tooShort": "Mật khẩu cần có ít nhất 10 ký tự.",
    "auth.password.mismatch": "Hai mật khẩu bạn nhập không giống nhau.",
    "auth.password.currentWrong": "Mật khẩu hiện tại không đúng.",
    "auth.phone.invalid": "Số điện thoại chỉ gồm chữ số, dấu cách và dấu +.",
    "auth.email.taken": "Email này đã có tài khoản. Hãy đăng nhập hoặc dùng một email khác.",

    "auth.signUp.title": "Đăng ký tài khoản nhà sáng lập",
    "auth.signUp.lead": "Dành cho thành viên các nhóm khởi nghiệp. Cố vấn và cán bộ trung tâm nhận lời mời qua email.",
    "auth.signUp.submit": "Tạo tài khoản",
    "auth.signUp.haveAccount": "Đã có tài khoản?",

    "auth.signIn.title": "Đăng nhập",
    "auth.signIn.submit": "Đăng nhập",
    "auth.signIn.failed": "Email hoặc mật khẩu không đúng.",
    "auth.signIn.throttled": "Có quá nhiều lần đăng nhập không thành công. Thử lại sau {minutes} phút.",
    "auth.signIn.throttledOneMinute": "Có quá nhiều lần đăng nhập không thành công. Thử lại sau 1 phút.",
    "auth.signIn.forgot": "Quên mật khẩu?",
    "auth.signIn.noAccount": "Chưa có tài khoản?",
    "auth.signIn.signUpLink": "Đăng ký tài khoản nhà sáng lập",

    "auth.account.title": "Tài khoản của tôi",
    "auth.account.details": "Thông tin tài khoản",
    "auth.account.role": "Vai trò",
    "auth.account.languageTitle": "Ngôn ngữ",
    "auth.account.languageLabel": "Ngôn ngữ của trang web và email",
    "auth.account.languageSave": "Lưu ngôn ngữ",
    "auth.account.languageSaved": "Đã lưu ngôn ngữ.",
    "auth.account.languageInvalid": "Vui lòng chọn một ngôn ngữ trong danh sách.",
    "auth.account.passwordTitle": "Đổi mật khẩu",
    "auth.account.passwordSubmit": "Đổi mật khẩu",
    "auth.account.passwordChanged": "Đã đổi mật khẩu. Tài khoản đã được đăng xuất khỏi mọi thiết bị khác.",
    "auth.locale.vi": "Tiếng Việt",
    "auth.locale.en": "English (tiếng Anh)",

    "auth.forgot.title": "Quên mật khẩu",
    "auth.forgot.lead": "Nhập email của tài khoản. Chúng tôi sẽ gửi cho bạn một liên kết để đặt mật khẩu mới.",
    "auth.forgot.submit": "Gửi liên kết",
    "auth.forgot.sent":
      "Nếu có tài khoản dùng email này, chúng tôi đã gửi đến đó một liên kết để đặt lại mật khẩu. Liên kết có hiệu lực trong 60 phút. Nếu không thấy thư, hãy xem cả mục thư rác.",
    "auth.forgot.backToSignIn": "Quay lại trang đăng nhập",

    "auth.reset.title": "Đặt mật khẩu mới",
    "auth.reset.lead": "Chọn mật khẩu mới cho tài khoản {email}.",
    "auth.reset.submit": "Lưu mật khẩu mới",
    "auth.reset.invalid":
      "Liên kết đặt lại mật khẩu không hợp lệ, đã hết hạn hoặc đã được dùng. Hãy yêu cầu một liên kết mới.",
    "auth.reset.requestNew": "Yêu cầu liên kết mới",

    "auth.resetEmail.subject": "Đặt lại mật khẩu tài khoản tại {centre}",
    "auth.resetEmail.body":
      "Xin chào {name},\n\nChúng tôi nhận được yêu cầu đặt lại mật khẩu cho tài khoản {email}. Để chọn mật khẩu mới, hãy mở liên kết dưới đây. Liên kết có hiệu lực trong {minutes} phút và chỉ dùng được một lần.\n\n{link}\n\nNếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu của bạn vẫn giữ nguyên.\n\n{centre}",
  },
  en: {
    "auth.field.name": "Full name",
    "auth.field.email": "Email",
    "auth.field.phone": "Phone number (optional)",
    "auth.field.password": "Password",
    "auth.field.passwordConfirm": "Confirm password",
    "auth.field.currentPassword": "Current password",
    "auth.field.newPassword": "New password",
    "auth.field.newPasswordConfirm": "Confirm new password",
    "auth.password.hint": "At least 10 characters. A short sentence you remember makes a good password.",
    "auth.password.tooShort": "The password must have at least 10 characters.",
    "auth.password.mismatch": "The two passwords you typed are not the same.",
    "auth.password.currentWrong": "The current password is not correct.",
    "auth.phone.invalid": "A phone number may contain only digits, spaces and +.",
    "auth.email.taken": "An account already uses this email. Sign in, or use another email.",

    "auth.signUp.title": "Create a founder account",
    "auth.signUp.lead": "For members of startup teams. Mentors and centre staff join through an emailed invitation.",
    "auth.signUp.submit": "Create account",
    "auth.signUp.haveAccount": "Already have an account?",

    "auth.signIn.title": "Sign in",
    "auth.signIn.submit": "Sign in",
    "auth.signIn.failed": "The email or password is not correct.",
    "auth.signIn.throttled": "Too many failed sign-in attempts. Try again in {minutes} minutes.",
    "auth.signIn.throttledOneMinute": "Too many failed sign-in attempts. Try again in 1 minute.",
    "auth.signIn.forgot": "Forgotten your password?",
    "auth.signIn.noAccount": "No account yet?",
    "auth.signIn.signUpLink": "Create a founder account",

    "auth.account.title": "My account",
    "auth.account.details": "Account details",
    "auth.account.role": "Role",
    "auth.account.languageTitle": "Language",
    "auth.account.languageLabel": "Language of the website and emails",
    "auth.account.languageSave": "Save language",
    "auth.account.languageSaved": "Language saved.",
    "auth.account.languageInvalid": "Please choose a language from the list.",
    "auth.account.passwordTitle": "Change password",
    "auth.account.passwordSubmit": "Change password",
    "auth.account.passwordChanged":
      "Your password has been changed. The account has been signed out on every other device.",
    "auth.locale.vi": "Tiếng Việt (Vietnamese)",
    "auth.locale.en": "English",

    "auth.forgot.title": "Forgotten password",
    "auth.forgot.lead": "Enter the email of your account. We will send you a link to choose a new password.",
    "auth.forgot.submit": "Send the link",
    "auth.forgot.sent":
      "If an account uses this email, we have sent it a link to reset the password. The link works for 60 minutes. If you cannot find it, look in your spam folder too.",
    "auth.forgot.backToSignIn": "Back to sign in",

    "auth.reset.title": "Choose a new password",
    "auth.reset.lead": "Choose a new password for the account {email}.",
    "auth.reset.submit": "Save the new password",
    "auth.reset.invalid":
      "This password reset link is not valid, has expired or has already been used. Please ask for a new link.",
    "auth.reset.requestNew": "Ask for a new link",

    "auth.resetEmail.subject": "Reset your account password at {centre}",
    "auth.resetEmail.body":
      "Hello {name},\n\nWe received a request to reset the password of the account {email}. To choose a new password, open the link below. It works for {minutes} minutes and only once.\n\n{link}\n\nIf you did not ask for this, ignore this email: your password stays as it is.\n\n{centre}",
  },
});
