#pragma once

#include <authkitqt/core/UserAgent.h>

#include <QString>
#include <QtPlugin>
#include <authkitqt/webengine/authkitqt_webengine_export.h>

class QWidget;

namespace authkit {

class LoginWindow;

/// A user agent that shows the hosted page in a window of the application's own (the Qt
/// WebEngine login window). It lives in a plugin, so that only a process that opens such a
/// window loads Qt WebEngine; FallbackUserAgent loads it and falls back to the system browser
/// when it cannot.
class AUTHKITQT_WEBENGINE_EXPORT EmbeddedUserAgent : public UserAgent
{
    Q_OBJECT
public:
    using UserAgent::UserAgent;

    /// The folder of the login window's profile (the hosted session cookie), login-profile in the
    /// application's data folder: one folder for every sign-in of the application, whether its
    /// window runs in process (WebEngineUserAgent) or in authkit-login-window
    /// (LoginProcessUserAgent passes it as --profile-path).
    static QString defaultProfileStoragePath();

    /// The sign-in window while one is open, else null.
    virtual LoginWindow *window() const = 0;
    /// True while a sign-in window is open, wherever it lives (another process included).
    virtual bool isWindowOpen() const { return window() != nullptr; }

Q_SIGNALS:
    /// "Use my browser instead": the person wants this sign-in in the system browser.
    void systemBrowserRequested();
    /// The hosted logout started by endSession() has finished loading (or failed).
    void sessionEnded();
};

/// What the embedded-login plugin exports (see docs/architecture.md): it makes the agents.
class AUTHKITQT_WEBENGINE_EXPORT EmbeddedUserAgentFactory
{
public:
    virtual ~EmbeddedUserAgentFactory() = default;

    /// A new embedded agent whose windows are modal to parentWindow (may be null).
    virtual EmbeddedUserAgent *create(QWidget *parentWindow, QObject *parent) = 0;
};

} // namespace authkit

/// The plugin interface's ID; the version changes whenever the interface does.
#define AuthKitQt_EmbeddedUserAgentFactory_iid "dev.authkitqt.EmbeddedUserAgentFactory/1.1"
Q_DECLARE_INTERFACE(authkit::EmbeddedUserAgentFactory, AuthKitQt_EmbeddedUserAgentFactory_iid)
