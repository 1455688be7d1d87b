#pragma once

// The line protocol between LoginProcessUserAgent (the application) and authkit-login-window
// (the process that shows the login window): one JSON object per line, UTF-8, on the child's
// stdin and stdout. Every message carries "v" (kVersion); a message of another version, or one
// that is not JSON, is ignored and logged (without its content) on both sides.
// The redirect URL carries the authorization code: it crosses the pipe only, never a log.
// Documented in docs/login-window-process.md.

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLatin1String>

namespace authkit::loginprocess {

constexpr int kVersion = 1;
// The longest line either side reads (a redirect URL is far below: browsers stop at 2 MB). A
// longer one is no message of this protocol: the parent stops the child.
constexpr qsizetype kMaxLineBytes = 4 * 1024 * 1024;

// Parent -> child ("cmd").
inline constexpr QLatin1String kCmdSignIn("signin");   // url, redirect, state
inline constexpr QLatin1String kCmdLogout("logout");   // url
inline constexpr QLatin1String kCmdDismiss("dismiss"); // close the window, no event
inline constexpr QLatin1String kCmdRaise("raise");     // bring the window to the front
inline constexpr QLatin1String kCmdClose("close");     // exit (so does a closed stdin)

// Child -> parent ("event").
inline constexpr QLatin1String kEventReady("ready");            // started, reading commands
inline constexpr QLatin1String kEventLoaded("loaded");          // the sign-in page has loaded
inline constexpr QLatin1String kEventRedirect("redirect");      // url: the caught redirect
inline constexpr QLatin1String kEventCancelled("cancelled");    // Cancel, Escape, window closed
inline constexpr QLatin1String kEventUseBrowser("use-browser"); // "Use my browser instead"
inline constexpr QLatin1String kEventError("error");            // message: in the person's words
inline constexpr QLatin1String kEventFinished("finished");      // the hosted logout is over

inline constexpr QLatin1String kVersionKey("v");
inline constexpr QLatin1String kCmdKey("cmd");
inline constexpr QLatin1String kEventKey("event");

// One message as a line (compact JSON and '\n').
inline QByteArray encode(QJsonObject message)
{
    message.insert(kVersionKey, kVersion);
    return QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n';
}

// A line as a message; empty when it is not a JSON object of this version.
inline QJsonObject decode(const QByteArray &line)
{
    const QJsonDocument document = QJsonDocument::fromJson(line.trimmed());
    if (!document.isObject() || document.object().value(kVersionKey).toInt() != kVersion)
        return {};
    return document.object();
}

} // namespace authkit::loginprocess
