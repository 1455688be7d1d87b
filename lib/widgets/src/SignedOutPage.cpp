#include <authkitqt/widgets/SignedOutPage.h>

#include <authkitqt/widgets/AuthStatus.h>
#include <authkitqt/widgets/ThemeColors.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace authkit {

SignedOutPage::SignedOutPage(AuthStatus *status, const QString &profileText, QWidget *parent)
    : QWidget(parent)
    , m_status(status)
    , m_title(new QLabel(this))
    , m_intro(new QLabel(this))
    , m_signIn(new QPushButton(tr("&Sign in"), this))
    , m_createAccount(new QPushButton(tr("Create &account"), this))
    , m_cancel(new QPushButton(tr("&Cancel sign-in"), this))
    , m_signingIn(new QLabel(this))
    , m_error(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_backendPanel(new QWidget(this))
    , m_backendMessage(new QLabel(m_backendPanel))
    , m_retryBackend(new QPushButton(tr("&Try again"), m_backendPanel))
    , m_backendSignOut(new QPushButton(tr("Sign &out"), m_backendPanel))
{
    setObjectName(QStringLiteral("signedOutPage"));

    m_title->setObjectName(QStringLiteral("signedOutTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_intro->setText(tr("Sign in with your AuthKit account, or create one. The sign-in "
                        "page opens in its own window."));
    m_intro->setWordWrap(true);

    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setAccessibleName(tr("Sign in"));
    m_signIn->setToolTip(tr("Open the AuthKit sign-in page"));
    m_createAccount->setObjectName(QStringLiteral("createAccountButton"));
    m_createAccount->setAccessibleName(tr("Create account"));
    m_createAccount->setToolTip(tr("Open the AuthKit sign-up page"));
    m_cancel->setObjectName(QStringLiteral("cancelSignInButton"));
    m_cancel->setAccessibleName(tr("Cancel sign-in"));
    // Outside a dialog a push button ignores Return unless it is auto-default.
    for (QPushButton *button :
         {m_signIn, m_createAccount, m_cancel, m_retryBackend, m_backendSignOut})
        button->setAutoDefault(true);

    m_signingIn->setObjectName(QStringLiteral("signingInLabel"));
    m_signingIn->setText(tr("Finish signing in in the sign-in window, or in your browser."));
    m_signingIn->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("signInErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    theme::applyTone(m_error, theme::Tone::Error);
    m_notice->setObjectName(QStringLiteral("persistenceNoticeLabel"));
    m_notice->setWordWrap(true);
    theme::applyTone(m_notice, theme::Tone::Notice);

    m_backendPanel->setObjectName(QStringLiteral("backendRejectedPanel"));
    m_backendMessage->setObjectName(QStringLiteral("backendRejectedLabel"));
    m_backendMessage->setWordWrap(true);
    m_backendMessage->setTextInteractionFlags(Qt::TextSelectableByMouse
                                              | Qt::TextSelectableByKeyboard);
    theme::applyTone(m_backendMessage, theme::Tone::Error);
    m_retryBackend->setObjectName(QStringLiteral("retryBackendButton"));
    m_retryBackend->setAccessibleName(tr("Try the backend again"));
    m_retryBackend->setToolTip(tr("Send the sign-in to the Convex backend again"));
    m_backendSignOut->setObjectName(QStringLiteral("backendSignOutButton"));
    m_backendSignOut->setAccessibleName(tr("Sign out"));
    auto *backendButtons = new QHBoxLayout;
    backendButtons->addWidget(m_retryBackend);
    backendButtons->addWidget(m_backendSignOut);
    backendButtons->addStretch();
    auto *backendLayout = new QVBoxLayout(m_backendPanel);
    backendLayout->setContentsMargins(0, 0, 0, 0);
    backendLayout->addWidget(m_backendMessage);
    backendLayout->addLayout(backendButtons);
    m_backendPanel->hide();

    auto *profile = new QLabel(profileText, this);
    profile->setObjectName(QStringLiteral("profileLabel"));
    profile->setWordWrap(true);
    profile->setTextInteractionFlags(Qt::TextSelectableByMouse);
    profile->setAccessibleName(tr("Profile in use"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_signIn);
    buttons->addWidget(m_createAccount);
    buttons->addStretch();
    auto *signingIn = new QHBoxLayout;
    signingIn->addWidget(m_signingIn, 1);
    signingIn->addWidget(m_cancel);

    auto *column = new QVBoxLayout;
    column->addWidget(m_title);
    column->addWidget(m_intro);
    column->addSpacing(12);
    column->addWidget(m_backendPanel);
    column->addLayout(buttons);
    column->addLayout(signingIn);
    column->addWidget(m_error);
    column->addWidget(m_notice);
    column->addSpacing(12);
    column->addWidget(profile);

    auto *outer = new QHBoxLayout(this);
    outer->addStretch(1);
    auto *middle = new QVBoxLayout;
    middle->addStretch(1);
    middle->addLayout(column);
    middle->addStretch(2);
    outer->addLayout(middle, 4);
    outer->addStretch(1);

    setTabOrder(m_signIn, m_createAccount);
    setTabOrder(m_createAccount, m_cancel);

    connect(m_signIn, &QPushButton::clicked, this, &SignedOutPage::signInRequested);
    connect(m_createAccount, &QPushButton::clicked, this, &SignedOutPage::signUpRequested);
    connect(m_cancel, &QPushButton::clicked, this, &SignedOutPage::cancelSignInRequested);
    connect(m_retryBackend, &QPushButton::clicked, this, &SignedOutPage::retryBackendRequested);
    connect(m_backendSignOut, &QPushButton::clicked, this, &SignedOutPage::signOutRequested);
    // Names, e-mails, server and backend messages land in these: never rich text.
    for (QLabel *label : findChildren<QLabel *>())
        label->setTextFormat(Qt::PlainText);
    if (m_status)
        connect(m_status, &AuthStatus::changed, this, &SignedOutPage::refresh);
    refresh();
}

void SignedOutPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_backendRejected)
        m_retryBackend->setFocus();
    else if (m_signIn->isEnabled())
        m_signIn->setFocus();
}

void SignedOutPage::setBackendRejected(bool rejected, const QString &reason)
{
    if (rejected == m_backendRejected && reason == m_backendReason)
        return;
    m_backendRejected = rejected;
    m_backendReason = reason;
    refresh();
}

void SignedOutPage::refresh()
{
    const bool signingIn = m_status && m_status->isSigningIn();
    // Only while the WorkOS session lasts: signed out, the page is the plain one again.
    const bool rejected = m_backendRejected && m_status && m_status->isAuthenticated();
    m_title->setText(rejected ? tr("The backend did not accept your sign-in")
                              : tr("You are signed out"));
    m_intro->setVisible(!rejected);
    m_backendPanel->setVisible(rejected);
    if (rejected) {
        const QString email = m_status->user().email;
        m_backendMessage->setText(
            (m_backendReason.isEmpty()
                 ? tr("Signed in to WorkOS as %1, but the Convex backend did not accept the "
                      "token.")
                       .arg(email)
                 : tr("Signed in to WorkOS as %1, but the Convex backend did not accept the "
                      "token: %2")
                       .arg(email, m_backendReason))
            + QLatin1Char('\n')
            + tr("Check that the deployment's auth configuration lists this client ID and "
                 "issuer, then try again, or sign out."));
        m_backendMessage->setAccessibleName(m_backendMessage->text());
    }
    m_signIn->setVisible(!rejected);
    m_createAccount->setVisible(!rejected);
    m_signIn->setEnabled(!signingIn);
    m_createAccount->setEnabled(!signingIn);
    m_signingIn->setVisible(signingIn);
    m_cancel->setVisible(signingIn);

    const QString error = m_status ? m_status->lastError() : QString();
    m_error->setText(error.isEmpty() ? QString() : tr("Not signed in: %1").arg(error));
    m_error->setAccessibleName(m_error->text());
    m_error->setVisible(!error.isEmpty() && !rejected);

    const QString notice = m_status ? m_status->persistenceNotice() : QString();
    m_notice->setText(notice);
    m_notice->setAccessibleName(notice);
    m_notice->setVisible(!notice.isEmpty());

    if (rejected) {
        if (isVisible() && !m_backendSignOut->hasFocus())
            m_retryBackend->setFocus();
    } else if (!signingIn && isVisible() && !m_signIn->hasFocus() && !m_createAccount->hasFocus()) {
        m_signIn->setFocus(); // back from the login window: Return signs in again
    }
}

} // namespace authkit
