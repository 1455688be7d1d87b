#include <authkitqt/webengine/LoginWindow.h>

#include <authkitqt/webengine/LoginPage.h>

#include "Logging_p.h"

#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWebEngineCertificateError>
#include <QWebEngineLoadingInfo>
#include <QWebEngineView>

// Startup checkpoints (names only; authkit-desktop stamps them: app/desktop/StartupTrace.h).
Q_LOGGING_CATEGORY(lcLoginStartup, "authkit.startup", QtWarningMsg)

namespace authkit {

namespace {

bool isLoopback(const QString &host)
{
    const QHostAddress address(host);
    return host == QLatin1String("localhost") || (!address.isNull() && address.isLoopback());
}

} // namespace

LoginWindow::LoginWindow(QWebEngineProfile *profile, const QUrl &redirectUri,
                         QStringList allowedHosts, QWidget *parent)
    : QDialog(parent)
    , m_view(new QWebEngineView(this))
    , m_page(new LoginPage(profile, redirectUri, std::move(allowedHosts), m_view))
    , m_progress(new QProgressBar(this))
    , m_host(new QLabel(this))
    , m_error(new QLabel(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_useBrowser(new QPushButton(tr("Use my browser instead"), this))
{
    setObjectName(QStringLiteral("loginWindow"));
    setWindowTitle(tr("Sign in"));
    setSizeGripEnabled(true);
    resize(480, 720);

    m_view->setObjectName(QStringLiteral("loginView"));
    m_view->setAccessibleName(tr("Sign-in page"));
    m_view->setPage(m_page);
    m_view->setMinimumSize(320, 400);

    m_host->setObjectName(QStringLiteral("loginHost"));
    m_host->setAccessibleName(tr("Address of the sign-in page"));
    m_host->setTextFormat(Qt::PlainText);
    m_host->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_progress->setObjectName(QStringLiteral("loginProgress"));
    m_progress->setAccessibleName(tr("Page loading progress"));
    m_progress->setRange(0, 100);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(6);
    // Keep its row when hidden, so the page does not jump at every load.
    QSizePolicy progressPolicy = m_progress->sizePolicy();
    progressPolicy.setRetainSizeWhenHidden(true);
    m_progress->setSizePolicy(progressPolicy);
    m_progress->hide();

    m_error->setObjectName(QStringLiteral("loginError"));
    m_error->setAccessibleName(tr("Sign-in problem"));
    m_error->setTextFormat(Qt::PlainText);
    m_host->setTextFormat(Qt::PlainText); // a host name from the page's URL
    m_error->setWordWrap(true);
    m_error->setFrameShape(QFrame::StyledPanel);
    m_error->setMargin(6);
    m_error->hide();

    m_cancel->setObjectName(QStringLiteral("loginCancel"));
    m_cancel->setAccessibleName(tr("Cancel sign-in"));
    m_useBrowser->setObjectName(QStringLiteral("loginUseBrowser"));
    m_useBrowser->setAccessibleName(tr("Use my web browser instead"));
    m_useBrowser->setAccessibleDescription(
        tr("Close this window and sign in with your usual web browser."));
    // Return belongs to the page's forms, never to a dialog button.
    for (QPushButton *button : {m_cancel, m_useBrowser}) {
        button->setAutoDefault(false);
        button->setDefault(false);
    }

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_useBrowser);
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_host);
    layout->addWidget(m_progress);
    layout->addWidget(m_error);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    // The page first, then the way out.
    setTabOrder(m_view, m_useBrowser);
    setTabOrder(m_useBrowser, m_cancel);

    connect(m_cancel, &QPushButton::clicked, this, &LoginWindow::reject);
    connect(m_useBrowser, &QPushButton::clicked, this, &LoginWindow::systemBrowserRequested);
    connect(m_page, &LoginPage::redirectReceived, this, &LoginWindow::onRedirect);
    connect(m_page, &LoginPage::navigationRefused, this,
            [this](const QUrl &, const QString &reason) { showError(reason); });
    connect(m_page, &QWebEnginePage::urlChanged, this, &LoginWindow::showHost);
    connect(m_page, &QWebEnginePage::loadingChanged, this, &LoginWindow::onLoadingChanged);
    connect(m_page, &QWebEnginePage::loadProgress, m_progress, &QProgressBar::setValue);
    connect(m_page, &QWebEnginePage::certificateError, this,
            [this](const QWebEngineCertificateError &error) {
                // Our own words: the engine's description is English-only and technical.
                showError(tr("The identity of %1 could not be verified, so the page was not "
                             "loaded. Check this computer's date and time and your network, or "
                             "use your browser instead.")
                              .arg(error.url().host()));
            });
    connect(m_page, &QWebEnginePage::renderProcessTerminated, this,
            [this](QWebEnginePage::RenderProcessTerminationStatus status, int) {
                if (status != QWebEnginePage::NormalTerminationStatus)
                    showError(tr("The sign-in page stopped working. Cancel and try again, or "
                                 "use your browser instead."));
            });
}

LoginWindow::~LoginWindow() = default;

void LoginWindow::open(const QUrl &authorizeUrl)
{
    m_finished = false;
    m_error->hide();
    m_error->clear();
    m_view->setEnabled(true);
    m_useBrowser->setEnabled(true);
    m_progress->setRange(0, 100);
    m_page->setStartUrl(authorizeUrl);
    showHost(authorizeUrl);
    m_view->load(authorizeUrl);
    QDialog::open();
    m_view->setFocus(Qt::OtherFocusReason);
}

void LoginWindow::reject()
{
    // Cancel, Escape and closing the window all end here; report it once, and not after the
    // redirect was caught (the sign-in is then being finished, not cancelled).
    if (!m_finished) {
        m_finished = true;
        Q_EMIT cancelled();
    }
    QDialog::reject();
}

void LoginWindow::onRedirect(const QUrl &url)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error->hide();
    // Busy until the application has exchanged the code and dismisses the window.
    m_progress->setRange(0, 0);
    m_progress->show();
    m_view->setEnabled(false);
    m_useBrowser->setEnabled(false);
    Q_EMIT redirectReceived(url);
}

void LoginWindow::onLoadingChanged(const QWebEngineLoadingInfo &info)
{
    if (m_finished)
        return;
    switch (info.status()) {
    case QWebEngineLoadingInfo::LoadStartedStatus:
        m_progress->setValue(0);
        m_progress->show();
        return;
    case QWebEngineLoadingInfo::LoadSucceededStatus:
        m_progress->hide();
        m_error->hide();
        qCDebug(lcLoginStartup) << "login page loaded";
        return;
    case QWebEngineLoadingInfo::LoadStoppedStatus:
        m_progress->hide();
        return;
    case QWebEngineLoadingInfo::LoadFailedStatus:
        m_progress->hide();
        // -3 (ERR_ABORTED) is a navigation we refused or replaced: already explained.
        if (info.errorDomain() == QWebEngineLoadingInfo::InternalErrorDomain
            && info.errorCode() == -3)
            return;
        qCInfo(lcWebEngine).noquote() << "load of" << info.url().host() << "failed:"
                                      << info.errorDomain() << info.errorCode();
        if (info.errorDomain() == QWebEngineLoadingInfo::HttpStatusCodeDomain)
            return; // the server's own error page is showing
        if (info.errorDomain() == QWebEngineLoadingInfo::CertificateErrorDomain)
            return; // certificateError has said it in our words
        showError(tr("The sign-in page could not be loaded. Check your network connection, or "
                     "use your browser instead."));
        return;
    }
}

void LoginWindow::showHost(const QUrl &url)
{
    if (url.isEmpty())
        return;
    QString host = url.host();
    if (url.port() != -1)
        host += QLatin1Char(':') + QString::number(url.port());
    if (url.scheme() == QLatin1String("https")) {
        m_host->setText(host);
        m_host->setAccessibleDescription(tr("Encrypted connection to %1").arg(host));
    } else if (url.scheme() == QLatin1String("http") && isLoopback(url.host())) {
        m_host->setText(tr("%1 (this computer, not encrypted)").arg(host));
        m_host->setAccessibleDescription(tr("Unencrypted connection to this computer"));
    } else {
        m_host->setText(tr("%1 (not encrypted)").arg(host.isEmpty() ? url.scheme() : host));
        m_host->setAccessibleDescription(tr("Unencrypted connection"));
    }
}

void LoginWindow::showError(const QString &message)
{
    if (m_finished)
        return;
    m_error->setText(message);
    m_error->show();
}

} // namespace authkit
