#pragma once

#include <QDialog>
#include <QStringList>
#include <QUrl>

class QLabel;
class QProgressBar;
class QPushButton;
class QWebEngineLoadingInfo;
class QWebEngineProfile;
class QWebEngineView;

namespace authkit {

class LoginPage;

/// The login window: the hosted page, a progress bar while it loads, the host it comes from (so a
/// person can see where they type their password), Cancel, and "Use my browser instead".
/// Object names (tests and accessibility): loginWindow, loginView, loginProgress, loginHost,
/// loginCancel, loginUseBrowser, loginError.
class LoginWindow : public QDialog
{
    Q_OBJECT
public:
    LoginWindow(QWebEngineProfile *profile, const QUrl &redirectUri, QStringList allowedHosts,
                QWidget *parent = nullptr);
    ~LoginWindow() override;

    /// Loads the authorize URL and shows the window (window-modal, like QDialog::open()).
    void open(const QUrl &authorizeUrl);
    using QDialog::open; ///< not hidden by the overload above
    QWebEngineView *view() const { return m_view; }
    LoginPage *page() const { return m_page; }

Q_SIGNALS:
    void redirectReceived(const QUrl &url); ///< our redirect URI, caught in the engine
    void cancelled(); ///< Cancel, Escape or the window closed
    void systemBrowserRequested();

protected:
    void reject() override;

private:
    void showError(const QString &message);
    void showHost(const QUrl &url);
    void onRedirect(const QUrl &url);
    void onLoadingChanged(const QWebEngineLoadingInfo &info);

    QWebEngineView *m_view;
    LoginPage *m_page;
    QProgressBar *m_progress;
    QLabel *m_host;
    QLabel *m_error;
    QPushButton *m_cancel;
    QPushButton *m_useBrowser;
    bool m_finished = false;
};

} // namespace authkit
