#include "PageTexts_p.h"

#include <QCoreApplication>

namespace authkit::emulator {

namespace {

const char *const kTexts[] = {
    QT_TRANSLATE_NOOP("HostedPages",
                      "This is the emulator: the code is in its log and in the dev inbox."),
    QT_TRANSLATE_NOOP("HostedPages", "Open the dev inbox"),
    QT_TRANSLATE_NOOP("HostedPages", "Code"),
    QT_TRANSLATE_NOOP("HostedPages", "Continue"),
    QT_TRANSLATE_NOOP("HostedPages", "Use another method"),
    QT_TRANSLATE_NOOP(
        "HostedPages",
        "One-time codes the emulator \"sent\" by email, newest first. Reload to see new ones."),
    QT_TRANSLATE_NOOP("HostedPages", "To"),
    QT_TRANSLATE_NOOP("HostedPages", "Sent"),
    QT_TRANSLATE_NOOP("HostedPages", "AuthKit emulator · runs on this computer, no account needed"),
    QT_TRANSLATE_NOOP("HostedPages", "Dev inbox"),
    QT_TRANSLATE_NOOP("HostedPages", "Enter the 6-digit code from your authenticator app."),
    QT_TRANSLATE_NOOP("HostedPages", "Authentication code"),
    QT_TRANSLATE_NOOP("HostedPages", "Verify"),
    QT_TRANSLATE_NOOP("HostedPages", "emulated"),
    QT_TRANSLATE_NOOP("HostedPages", "Cancel"),
    QT_TRANSLATE_NOOP("HostedPages", "Allow"),
    QT_TRANSLATE_NOOP("HostedPages",
                      "You belong to several organizations. Which one do you want to use?"),
    QT_TRANSLATE_NOOP("HostedPages", "Email"),
    QT_TRANSLATE_NOOP("HostedPages", "Password"),
    QT_TRANSLATE_NOOP("HostedPages", "Sign in"),
    QT_TRANSLATE_NOOP("HostedPages", "or"),
    QT_TRANSLATE_NOOP("HostedPages", "Sign in with a code sent to"),
    QT_TRANSLATE_NOOP("HostedPages", "Email me a code"),
    QT_TRANSLATE_NOOP("HostedPages", "Continue with Google"),
    QT_TRANSLATE_NOOP("HostedPages", "Continue with GitHub"),
    QT_TRANSLATE_NOOP("HostedPages", "Continue with Microsoft"),
    QT_TRANSLATE_NOOP("HostedPages", "No account?"),
    QT_TRANSLATE_NOOP("HostedPages", "Sign up"),
    QT_TRANSLATE_NOOP("HostedPages", "First name"),
    QT_TRANSLATE_NOOP("HostedPages", "Last name"),
    QT_TRANSLATE_NOOP("HostedPages", "At least 8 characters."),
    QT_TRANSLATE_NOOP("HostedPages", "Create account"),
    QT_TRANSLATE_NOOP("HostedPages", "Already have an account?"),
};

} // namespace

QStringList pageTemplateTexts()
{
    QStringList texts;
    for (const char *text : kTexts)
        texts.append(QString::fromUtf8(text));
    return texts;
}

} // namespace authkit::emulator
