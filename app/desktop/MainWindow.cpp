#include "MainWindow.h"

#include "MessagesPanel.h"
#include "SettingsDialog.h"

#include <authkitqt/core/AuthState.h>
#include <authkitqt/widgets/AccountPage.h>
#include <authkitqt/widgets/AuthGate.h>
#include <authkitqt/widgets/ConvexAuthStatus.h>
#include <authkitqt/widgets/LoadingPage.h>
#include <authkitqt/widgets/SessionAuthStatus.h>
#include <authkitqt/widgets/SignedOutPage.h>

#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

using authkit::AccountPage;
using authkit::AuthGate;
using authkit::AuthState;
using authkit::ConvexAuthStatus;
using authkit::LoadingPage;
using authkit::SessionAuthStatus;
using authkit::SignedOutPage;

namespace {
const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kWindowStateKey = QStringLiteral("window/state");
} // namespace

MainWindow::MainWindow(AuthState *state, Context context, QWidget *parent)
    : QMainWindow(parent)
    , m_state(state)
    , m_context(std::move(context))
    , m_sessionStatus(new SessionAuthStatus(state, this))
    , m_loading(new LoadingPage)
    , m_signedOut(new SignedOutPage(m_sessionStatus, tr("Profile: %1").arg(profileText())))
    , m_account(new AccountPage(m_sessionStatus, profileText()))
    , m_gate(new AuthGate(m_loading, m_signedOut, m_account, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("AuthKit Desktop — %1").arg(m_context.profile));
    setCentralWidget(m_gate);
    m_gate->bind(m_sessionStatus);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *settings = file->addAction(tr("&Settings…"), this, &MainWindow::openSettings);
    settings->setObjectName(QStringLiteral("settingsAction"));
    settings->setShortcut(QKeySequence::Preferences);
    settings->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About AuthKit Desktop"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);

    auto *where = new QLabel(this);
    where->setObjectName(QStringLiteral("emulatorLabel"));
    where->setText(m_context.emulatorUrl.isEmpty()
                       ? tr("Profile %1 at %2").arg(m_context.profile,
                                                    m_context.apiBaseUrl.toString())
                       : tr("Local AuthKit emulator started by this app at %1")
                             .arg(m_context.emulatorUrl.toString()));
    where->setTextFormat(Qt::PlainText); // holds a configured URL
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(where, 1);

    connect(m_signedOut, &SignedOutPage::signInRequested, this, &MainWindow::signInRequested);
    connect(m_signedOut, &SignedOutPage::signUpRequested, this, &MainWindow::signUpRequested);
    connect(m_signedOut, &SignedOutPage::cancelSignInRequested, this,
            &MainWindow::cancelSignInRequested);
    connect(m_signedOut, &SignedOutPage::retryBackendRequested, this,
            &MainWindow::retryBackendRequested);
    connect(m_signedOut, &SignedOutPage::signOutRequested, this, &MainWindow::signOutRequested);
    connect(m_account, &AccountPage::signOutRequested, this, &MainWindow::signOutRequested);
    connect(m_account, &AccountPage::switchOrganizationRequested, this,
            &MainWindow::switchOrganizationRequested);

    QSettings remembered;
    if (!restoreGeometry(remembered.value(kGeometryKey).toByteArray()))
        resize(720, 520);
    restoreState(remembered.value(kWindowStateKey).toByteArray());
}

MainWindow::~MainWindow()
{
    saveWindowState();
}

void MainWindow::attachBackend(authkit::convex::ConvexClient *client,
                               authkit::convex::ConvexAuthState *backendAuth)
{
    if (m_messages || !client || !backendAuth)
        return;
    m_messages = new MessagesPanel(client);
    m_account->addSection(m_messages);
    // Loading is now also "the backend has not confirmed the token yet".
    const auto describeLoading = [this] {
        m_loading->setConnectingToBackend(m_state && !m_state->isLoading());
    };
    connect(m_state, &AuthState::changed, this, describeLoading);
    describeLoading();
    m_backendStatus = new ConvexAuthStatus(backendAuth, m_state, this);
    m_gate->bind(m_backendStatus);
    // Room for the messages, unless the window size was remembered.
    if (!QSettings().contains(kGeometryKey))
        resize(width(), qMax(height(), 760));
}

void MainWindow::rebindGate(authkit::convex::ConvexAuthState *backendAuth)
{
    if (m_backendStatus && backendAuth)
        m_backendStatus->setBackend(backendAuth);
}

void MainWindow::setBackendRejected(bool rejected, const QString &reason)
{
    m_signedOut->setBackendRejected(rejected, reason);
}

void MainWindow::bringToFront()
{
    setWindowState((windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    show();
    raise();
    activateWindow();
}

QString MainWindow::profileText() const
{
    if (!m_context.emulatorUrl.isEmpty())
        return tr("local (the AuthKit emulator started by this app), client %1").arg(m_context.clientId);
    return tr("%1 (%2), client %3")
        .arg(m_context.profile, m_context.apiBaseUrl.toString(), m_context.clientId);
}

void MainWindow::saveWindowState()
{
    QSettings remembered;
    remembered.setValue(kGeometryKey, saveGeometry());
    remembered.setValue(kWindowStateKey, saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    QMainWindow::closeEvent(event);
}

void MainWindow::openSettings()
{
    if (m_settings) {
        m_settings->raise();
        m_settings->activateWindow();
        return;
    }
    m_settings = new SettingsDialog(m_context.configFile, m_context.profile, this);
    m_settings->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_settings, &SettingsDialog::saved, this, [this](const QString &startupProfile) {
        statusBar()->showMessage(
            tr("Settings saved. Profile %1 is used the next time authkit-desktop starts.")
                .arg(startupProfile),
            10000);
    });
    m_settings->open(); // window-modal, without a nested event loop
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About AuthKit Desktop"),
        tr("<p><b>AuthKit Desktop</b> %1</p>"
           "<p>Signs in with WorkOS AuthKit in a Qt WebEngine window and shows views that follow "
           "the sign-in state. The session is kept in the OS keychain.</p>"
           "<p>Profile: %2</p>")
            .arg(QApplication::applicationVersion(), profileText().toHtmlEscaped()));
}
