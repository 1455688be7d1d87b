#include <authkitqt/widgets/AccountPage.h>

#include <authkitqt/widgets/InitialsAvatar.h>

#include <authkitqt/widgets/AuthStatus.h>
#include <authkitqt/widgets/ThemeColors.h>

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace authkit {

namespace {

QLabel *valueLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText); // names, e-mails, roles: never rich text
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace

AccountPage::AccountPage(AuthStatus *status, const QString &profileText, QWidget *parent)
    : QWidget(parent)
    , m_status(status)
    , m_avatar(new InitialsAvatar(this))
    , m_loggedIn(valueLabel(QStringLiteral("loggedInLabel"), this))
    , m_name(valueLabel(QStringLiteral("nameLabel"), this))
    , m_email(valueLabel(QStringLiteral("emailLabel"), this))
    , m_impersonation(valueLabel(QStringLiteral("impersonationBanner"), this))
    , m_organization(valueLabel(QStringLiteral("organizationLabel"), this))
    , m_permissions(valueLabel(QStringLiteral("permissionsLabel"), this))
    , m_tokenExpiry(valueLabel(QStringLiteral("tokenExpiryLabel"), this))
    , m_nextRefresh(valueLabel(QStringLiteral("nextRefreshLabel"), this))
    , m_problem(valueLabel(QStringLiteral("accountProblemLabel"), this))
    , m_persistence(valueLabel(QStringLiteral("accountPersistenceLabel"), this))
    , m_organizations(new QComboBox(this))
    , m_switch(new QPushButton(tr("S&witch"), this))
    , m_signOut(new QPushButton(tr("Sign &out"), this))
{
    setObjectName(QStringLiteral("accountPage"));

    QFont big = m_loggedIn->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_loggedIn->setFont(big);
    m_loggedIn->setWordWrap(false);
    theme::applyTone(m_impersonation, theme::Tone::Warning);
    m_impersonation->setAccessibleDescription(tr("Impersonation warning"));
    theme::applyTone(m_problem, theme::Tone::Error);
    theme::applyTone(m_persistence, theme::Tone::Notice);

    m_signOut->setObjectName(QStringLiteral("signOutButton"));
    m_signOut->setAccessibleName(tr("Sign out"));
    m_switch->setObjectName(QStringLiteral("switchOrganizationButton"));
    m_switch->setAccessibleName(tr("Switch organization"));
    for (QPushButton *button : {m_signOut, m_switch})
        button->setAutoDefault(true); // Return on a focused button, outside a dialog too
    m_organizations->setObjectName(QStringLiteral("organizationCombo"));
    m_organizations->setAccessibleName(tr("Organization to switch to"));
    m_organizations->setEditable(true);
    m_organizations->setInsertPolicy(QComboBox::NoInsert); // the list is what this run has seen
    m_organizations->lineEdit()->setPlaceholderText(tr("org_…"));
    // The editable part is what a screen reader lands on: it needs the name too.
    m_organizations->lineEdit()->setAccessibleName(m_organizations->accessibleName());
    m_organizations->setMinimumContentsLength(30);

    auto *identity = new QVBoxLayout;
    identity->addWidget(m_loggedIn);
    identity->addWidget(m_name);
    identity->addWidget(m_email);
    auto *header = new QHBoxLayout;
    header->addWidget(m_avatar, 0, Qt::AlignTop);
    header->addSpacing(8);
    header->addLayout(identity, 1);
    header->addWidget(m_signOut, 0, Qt::AlignTop);

    auto *details = new QFormLayout;
    details->addRow(tr("Organization:"), m_organization);
    details->addRow(tr("Permissions:"), m_permissions);
    details->addRow(tr("Access token:"), m_tokenExpiry);
    details->addRow(tr("Next refresh:"), m_nextRefresh);
    auto *profile = valueLabel(QStringLiteral("accountProfileLabel"), this);
    profile->setText(profileText);
    details->addRow(tr("Profile:"), profile);

    auto *switchLabel = new QLabel(tr("Switch &organization:"), this);
    switchLabel->setBuddy(m_organizations);
    auto *switchRow = new QHBoxLayout;
    switchRow->addWidget(switchLabel);
    switchRow->addWidget(m_organizations, 1);
    switchRow->addWidget(m_switch);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_impersonation);
    layout->addSpacing(8);
    layout->addLayout(details);
    layout->addSpacing(8);
    layout->addLayout(switchRow);
    layout->addWidget(m_problem);
    layout->addWidget(m_persistence);
    layout->addStretch();

    setTabOrder(m_signOut, m_organizations);
    setTabOrder(m_organizations, m_switch);

    connect(m_signOut, &QPushButton::clicked, this, &AccountPage::signOutRequested);
    connect(m_switch, &QPushButton::clicked, this, &AccountPage::requestSwitch);
    connect(m_organizations->lineEdit(), &QLineEdit::returnPressed, this,
            &AccountPage::requestSwitch);
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &AccountPage::tick);
    if (m_status)
        connect(m_status, &AuthStatus::changed, this, &AccountPage::refresh);
    refresh();
}

void AccountPage::addSection(QWidget *section)
{
    auto *box = qobject_cast<QVBoxLayout *>(layout());
    box->insertWidget(box->count() - 1, section, 1); // before the closing stretch
}

QString AccountPage::formatCountdown(qint64 ms)
{
    const qint64 seconds = ms <= 0 ? 0 : (ms + 999) / 1000;
    const qint64 hours = seconds / 3600;
    const QString minutesAndSeconds =
        QStringLiteral("%1:%2")
            .arg(hours ? (seconds / 60) % 60 : seconds / 60, hours ? 2 : 1, 10, QLatin1Char('0'))
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return hours ? QStringLiteral("%1:%2").arg(hours).arg(minutesAndSeconds) : minutesAndSeconds;
}

void AccountPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    tick();
    m_ticker.start();
    m_signOut->setFocus();
}

void AccountPage::hideEvent(QHideEvent *event)
{
    m_ticker.stop(); // nothing to tick for while signed out
    QWidget::hideEvent(event);
}

void AccountPage::requestSwitch()
{
    const QString organizationId = m_organizations->currentText().trimmed();
    if (organizationId.isEmpty())
        return;
    Q_EMIT switchOrganizationRequested(organizationId);
}

void AccountPage::refresh()
{
    if (!m_status || !m_status->isAuthenticated())
        return; // the gate shows another page; keep the last picture until then
    const Session &session = m_status->session();
    const QString firstName =
        session.user.firstName.isEmpty() ? session.user.displayName() : session.user.firstName;
    m_loggedIn->setText(tr("Logged in as %1").arg(firstName));
    m_name->setText(session.user.displayName());
    m_name->setVisible(session.user.displayName() != session.user.email);
    m_email->setText(session.user.email);
    m_avatar->setPerson(session.user.initials(), session.user.id);

    const bool impersonated = !session.impersonatorEmail.isEmpty();
    if (impersonated) {
        QString text =
            tr("Impersonation: %1 is signed in as this user.").arg(session.impersonatorEmail);
        if (!session.impersonationReason.isEmpty())
            text += QLatin1Char(' ') + tr("Reason: %1").arg(session.impersonationReason);
        m_impersonation->setText(text);
    }
    m_impersonation->setVisible(impersonated);

    if (session.organizationId.isEmpty()) {
        m_organization->setText(tr("None"));
    } else {
        m_organization->setText(session.role.isEmpty()
                                    ? session.organizationId
                                    : tr("%1 (role %2)").arg(session.organizationId, session.role));
        if (!m_seenOrganizations.contains(session.organizationId)) {
            m_seenOrganizations.append(session.organizationId);
            m_organizations->addItem(session.organizationId);
        }
        m_organizations->setCurrentText(session.organizationId);
    }
    m_permissions->setText(session.permissions.isEmpty()
                               ? tr("None")
                               : session.permissions.join(QStringLiteral(", ")));
    m_switch->setEnabled(!m_status->isRefreshing());

    const QString problem = m_status->lastError();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    const QString notice = m_status->persistenceNotice();
    m_persistence->setText(notice);
    m_persistence->setVisible(!notice.isEmpty());
    tick();
}

void AccountPage::tick()
{
    if (!m_status || !m_status->isAuthenticated() || !m_status->hasTokenTimings())
        return;
    if (m_status->session().accessToken.isEmpty()) {
        m_tokenExpiry->setText(tr("none yet (offline); retrying"));
    } else {
        const qint64 expiry = m_status->msUntilExpiry();
        m_tokenExpiry->setText(expiry > 0 ? tr("expires in %1").arg(formatCountdown(expiry))
                                          : tr("expired"));
    }
    const qint64 refresh = m_status->msUntilScheduledRefresh();
    if (m_status->isRefreshing())
        m_nextRefresh->setText(tr("refreshing now…"));
    else if (refresh < 0)
        m_nextRefresh->setText(tr("not scheduled"));
    else
        m_nextRefresh->setText(tr("in %1").arg(formatCountdown(refresh)));
}

} // namespace authkit
