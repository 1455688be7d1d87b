#pragma once

#include <authkitqt/core/AuthKitConfig.h>

#include <QCoreApplication>
#include <QObject>
#include <QStringList>

#include <memory>

namespace authkit {
class AuthKitClient;
class LoopbackUserAgent;
} // namespace authkit

// authkit-cli's commands on the core library, like `gh auth`: login, status, token, switch-org,
// logout. Results go to stdout, messages and errors (one line each) to stderr.
class CliApp : public QObject
{
    Q_OBJECT
public:
    // Documented in --help; scripts rely on them.
    enum ExitCode {
        Ok = 0,
        Failed = 1,
        Usage = 2,
        NotSignedIn = 3,
        Unreachable = 4,
        SignInFailed = 5,
    };

    struct Options
    {
        QString command;
        QStringList arguments;
        bool noBrowser = false;
        bool browser = false;
        bool json = false;
        bool signUp = false;
        QString organizationId;
        QString loginHint;
        int timeoutSecs = 600;
    };

    CliApp(authkit::AuthKitConfig config, Options options, QObject *parent = nullptr);
    ~CliApp() override;

    // Runs the command in the event loop and calls QCoreApplication::exit with its exit code.
    void start();

private:
    void login();
    void status();
    void token();
    void switchOrganization();
    void logout();
    void finish(int code, const QString &message = QString());
    void restoreThen(const std::function<void()> &next);
    bool openInBrowser(const QUrl &url);
    void printPersistenceNotice();

    authkit::AuthKitConfig m_config;
    Options m_options;
    authkit::AuthKitClient *m_client;
    authkit::LoopbackUserAgent *m_agent;
    bool m_finished = false;
};
