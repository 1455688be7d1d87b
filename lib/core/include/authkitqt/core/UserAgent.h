#pragma once

#include <authkitqt/core/AuthorizationRequest.h>

#include <QObject>
#include <QUrl>
#include <authkitqt/core/authkitqt_core_export.h>

namespace authkit {

/// Whatever shows the hosted AuthKit page: an embedded WebEngine window, or the system browser
/// with a loopback listener. It reports the redirect back; AuthSession does the rest.
class AUTHKITQT_CORE_EXPORT UserAgent : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    /// The redirect URI this agent will catch (e.g. the loopback listener's real port).
    virtual QUrl prepareRedirectUri(const QUrl &configured) = 0;
    virtual void present(const AuthorizationRequest &request) = 0;
    virtual void dismiss() = 0;
    /// Best effort: run the hosted logout where the sign-in ran, so the next sign-in asks again.
    virtual void endSession(const QUrl &logoutUrl) = 0;
    /// How the sign-in this agent carried ended, once the code exchange and the token checks are
    /// done: an agent that still has the browser waiting (the loopback listener) answers it with
    /// the truth. message is empty on success and for a cancelled sign-in.
    virtual void completeSignIn(bool ok, const QString &message)
    {
        Q_UNUSED(ok);
        Q_UNUSED(message);
    }

Q_SIGNALS:
    void redirectReceived(const QUrl &url);
    void cancelled();
    void failed(const QString &message);
};

} // namespace authkit
