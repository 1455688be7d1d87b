#include "SignedOutPage.h"

#include <authkitqt/core/AuthState.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using authkit::AuthState;

SignedOutPage::SignedOutPage(AuthState *state, const QString &profileText, QWidget *parent)
    : QWidget(parent)
    , m_state(state)
    , m_signIn(new QPushButton(tr("&Sign in"), this))
    , m_createAccount(new QPushButton(tr("Create &account"), this))
    , m_cancel(new QPushButton(tr("&Cancel sign-in"), this))
    , m_signingIn(new QLabel(this))
    , m_error(new QLabel(this))
    , m_notice(new QLabel(this))
{
    setObjectName(QStringLiteral("signedOutPage"));

    auto *title = new QLabel(tr("You are signed out"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *intro = new QLabel(tr("Sign in with your AuthKit account, or create one. The sign-in "
                                "page opens in its own window."),
                             this);
    intro->setWordWrap(true);

    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setAccessibleName(tr("Sign in"));
    m_signIn->setToolTip(tr("Open the AuthKit sign-in page"));
    m_createAccount->setObjectName(QStringLiteral("createAccountButton"));
    m_createAccount->setAccessibleName(tr("Create account"));
    m_createAccount->setToolTip(tr("Open the AuthKit sign-up page"));
    m_cancel->setObjectName(QStringLiteral("cancelSignInButton"));
    m_cancel->setAccessibleName(tr("Cancel sign-in"));
    // Outside a dialog a push button ignores Return unless it is auto-default.
    for (QPushButton *button : {m_signIn, m_createAccount, m_cancel})
        button->setAutoDefault(true);

    m_signingIn->setObjectName(QStringLiteral("signingInLabel"));
    m_signingIn->setText(tr("Finish signing in in the sign-in window, or in your browser."));
    m_signingIn->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("signInErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_notice->setObjectName(QStringLiteral("persistenceNoticeLabel"));
    m_notice->setWordWrap(true);
    m_notice->setStyleSheet(QStringLiteral(
        "background: #fff4ce; color: #4d3b00; border: 1px solid #e0c060; padding: 6px;"));

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
    column->addWidget(title);
    column->addWidget(intro);
    column->addSpacing(12);
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
    if (m_state)
        connect(m_state, &AuthState::changed, this, &SignedOutPage::refresh);
    refresh();
}

void SignedOutPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_signIn->isEnabled())
        m_signIn->setFocus();
}

void SignedOutPage::refresh()
{
    const bool signingIn = m_state && m_state->isSigningIn();
    m_signIn->setEnabled(!signingIn);
    m_createAccount->setEnabled(!signingIn);
    m_signingIn->setVisible(signingIn);
    m_cancel->setVisible(signingIn);

    const QString error = m_state ? m_state->lastError() : QString();
    m_error->setText(error.isEmpty() ? QString() : tr("Not signed in: %1").arg(error));
    m_error->setAccessibleName(m_error->text());
    m_error->setVisible(!error.isEmpty());

    const QString notice = m_state ? m_state->persistenceNotice() : QString();
    m_notice->setText(notice);
    m_notice->setAccessibleName(notice);
    m_notice->setVisible(!notice.isEmpty());

    if (!signingIn && isVisible() && !m_signIn->hasFocus() && !m_createAccount->hasFocus())
        m_signIn->setFocus(); // back from the login window: Return signs in again
}
