#include "SettingsDialog.h"

#include "TranslationLoader.h"

#include <authkitqt/core/ConfigLoader.h>
#include <authkitqt/widgets/ThemeColors.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QVBoxLayout>

#include <algorithm>

using authkit::AuthKitConfig;
using authkit::ConfigLoader;

namespace {

const QString kLocal = QStringLiteral("local");

QStringList knownProfiles(const QString &configFile)
{
    QStringList profiles{kLocal, QStringLiteral("development"), QStringLiteral("production")};
    if (QFileInfo::exists(configFile)) {
        QSettings file(configFile, QSettings::IniFormat);
        const QStringList groups = file.childGroups();
        for (const QString &group : groups) {
            if (!profiles.contains(group))
                profiles.append(group);
        }
    }
    return profiles;
}

QString urlText(const QUrl &url)
{
    return url.isEmpty() ? QString() : url.toString();
}

} // namespace

bool SettingsDialog::Fields::operator==(const Fields &other) const
{
    return clientId == other.clientId && apiBaseUrl == other.apiBaseUrl
           && redirectUri == other.redirectUri && issuers == other.issuers;
}

AuthKitConfig SettingsDialog::readProfile(const QString &configFile, const QString &profile)
{
    // The same keys ConfigLoader reads and saveProfile() writes; unlike ConfigLoader::load this
    // also returns a profile that is not usable yet, so it can be completed here.
    AuthKitConfig config = ConfigLoader::defaults(profile);
    if (!QFileInfo::exists(configFile))
        return config;
    QSettings file(configFile, QSettings::IniFormat);
    file.beginGroup(profile);
    auto text = [&file](const char *key) {
        return file.value(QLatin1String(key)).toString().trimmed();
    };
    if (!text("client_id").isEmpty())
        config.clientId = text("client_id");
    if (!text("api_base_url").isEmpty())
        config.apiBaseUrl = QUrl(text("api_base_url"), QUrl::StrictMode);
    if (!text("redirect_uri").isEmpty())
        config.redirectUri = QUrl(text("redirect_uri"), QUrl::StrictMode);
    config.acceptedIssuers = file.value(QStringLiteral("issuers")).toStringList();
    if (!text("logout_return_uri").isEmpty())
        config.logoutReturnUri = QUrl(text("logout_return_uri"), QUrl::StrictMode);
    if (!text("convex_url").isEmpty())
        config.convexUrl = QUrl(text("convex_url"), QUrl::StrictMode);
    return config;
}

SettingsDialog::SettingsDialog(QString configFile, QString profileInUse, QWidget *parent)
    : QDialog(parent)
    , m_configFile(std::move(configFile))
    , m_profileInUse(std::move(profileInUse))
    , m_profile(new QComboBox(this))
    , m_clientId(new QLineEdit(this))
    , m_apiBaseUrl(new QLineEdit(this))
    , m_redirectUri(new QLineEdit(this))
    , m_issuers(new QPlainTextEdit(this))
    , m_startupProfile(new QComboBox(this))
    , m_language(new QComboBox(this))
    , m_localNote(new QLabel(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));

    const QStringList profiles = knownProfiles(m_configFile);
    m_profile->setObjectName(QStringLiteral("settingsProfile"));
    m_profile->setAccessibleName(tr("Profile to edit"));
    m_profile->addItems(profiles);
    m_clientId->setObjectName(QStringLiteral("settingsClientId"));
    m_clientId->setAccessibleName(tr("Client ID"));
    m_clientId->setPlaceholderText(tr("client_… (the environment's client ID, never an sk_ key)"));
    m_apiBaseUrl->setObjectName(QStringLiteral("settingsApiBaseUrl"));
    m_apiBaseUrl->setAccessibleName(tr("API base URL"));
    m_apiBaseUrl->setPlaceholderText(QLatin1String(AuthKitConfig::kDefaultApiBase));
    m_redirectUri->setObjectName(QStringLiteral("settingsRedirectUri"));
    m_redirectUri->setAccessibleName(tr("Redirect URI"));
    m_issuers->setObjectName(QStringLiteral("settingsIssuers"));
    m_issuers->setAccessibleName(tr("Accepted issuers"));
    m_issuers->setPlaceholderText(tr("One per line. Empty: WorkOS's issuers for this client ID "
                                     "and API URL."));
    m_issuers->setTabChangesFocus(true); // keyboard users move on with Tab
    m_issuers->setFixedHeight(m_issuers->fontMetrics().lineSpacing() * 4 + 12);
    m_startupProfile->setObjectName(QStringLiteral("settingsStartupProfile"));
    m_startupProfile->setAccessibleName(tr("Profile used at start"));
    m_startupProfile->addItems(profiles);
    m_startupProfile->setCurrentText(
        QSettings().value(QLatin1String(kProfileKey), kLocal).toString());
    m_language->setObjectName(QStringLiteral("settingsLanguage"));
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("System default"), QString());
    for (const TranslationLoader::Language &language : TranslationLoader::languages())
        m_language->addItem(language.nativeName, language.code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(QSettings().value(
                                                QLatin1String(TranslationLoader::kLanguageKey)))));

    m_localNote->setTextFormat(Qt::PlainText);
    m_localNote->setWordWrap(true);
    m_localNote->setText(tr("The local profile signs in against the emulator the app starts "
                            "itself; its address is chosen at each start."));
    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setTextFormat(Qt::PlainText); // a configuration file's text, a loader's message
    m_error->setWordWrap(true);
    authkit::theme::applyTone(m_error, authkit::theme::Tone::Error);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_error->hide();

    auto *form = new QFormLayout;
    auto addRow = [this, form](const QString &text, QWidget *field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        form->addRow(label, field);
    };
    addRow(tr("&Profile:"), m_profile);
    addRow(tr("&Client ID:"), m_clientId);
    addRow(tr("&API base URL:"), m_apiBaseUrl);
    form->addRow(QString(), m_localNote);
    addRow(tr("&Redirect URI:"), m_redirectUri);
    addRow(tr("&Issuers:"), m_issuers);
    addRow(tr("&Use at start:"), m_startupProfile);
    addRow(tr("&Language (at the next start):"), m_language);
    auto *applies = new QLabel(tr("Profiles are read when the app starts: changes, and the "
                                  "profile used, apply the next time authkit-desktop starts. "
                                  "In use now: %1.")
                                   .arg(m_profileInUse),
                               this);
    applies->setObjectName(QStringLiteral("settingsAppliesLabel"));
    applies->setTextFormat(Qt::PlainText);
    applies->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setDefault(true); // Return saves, Escape cancels
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("settingsSave"));
    buttons->button(QDialogButtonBox::Save)->setAccessibleName(tr("Save settings"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(applies);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    for (const QString &profile : profiles)
        m_loaded.insert(profile, readProfile(m_configFile, profile));
    connect(m_profile, &QComboBox::currentTextChanged, this, &SettingsDialog::showProfile);
    m_profile->setCurrentText(profiles.contains(m_profileInUse) ? m_profileInUse : kLocal);
    showProfile(m_profile->currentText());
    resize(560, sizeHint().height());
}

void SettingsDialog::setProblem(const QString &problem)
{
    showProblem(m_profileInUse, problem);
}

QString SettingsDialog::startupProfile() const
{
    return m_startupProfile->currentText();
}

void SettingsDialog::keepEdits()
{
    if (m_shown.isEmpty())
        return;
    m_fields.insert(m_shown, Fields{m_clientId->text(), m_apiBaseUrl->text(), m_redirectUri->text(),
                                    m_issuers->toPlainText()});
}

void SettingsDialog::showProfile(const QString &profile)
{
    keepEdits();
    m_shown = profile;
    if (!m_fields.contains(profile)) {
        const AuthKitConfig &loaded = m_loaded[profile];
        m_fields.insert(profile, Fields{loaded.clientId, urlText(loaded.apiBaseUrl),
                                        urlText(loaded.redirectUri),
                                        loaded.acceptedIssuers.join(QLatin1Char('\n'))});
    }
    const Fields &fields = m_fields[profile];
    m_clientId->setText(fields.clientId);
    m_apiBaseUrl->setText(fields.apiBaseUrl);
    m_redirectUri->setText(fields.redirectUri);
    m_issuers->setPlainText(fields.issuers);
    const bool local = profile == kLocal;
    m_apiBaseUrl->setEnabled(!local);
    m_localNote->setVisible(local);
}

bool SettingsDialog::isEdited(const QString &profile) const
{
    const AuthKitConfig &loaded = m_loaded[profile];
    const Fields original{loaded.clientId, urlText(loaded.apiBaseUrl), urlText(loaded.redirectUri),
                          loaded.acceptedIssuers.join(QLatin1Char('\n'))};
    return m_fields.contains(profile) && !(m_fields[profile] == original);
}

AuthKitConfig SettingsDialog::configFor(const QString &profile) const
{
    AuthKitConfig config = m_loaded.value(profile, ConfigLoader::defaults(profile));
    config.profile = profile;
    if (m_fields.contains(profile)) {
        const Fields &fields = m_fields[profile];
        config.clientId = fields.clientId.trimmed();
        config.apiBaseUrl = QUrl(fields.apiBaseUrl.trimmed(), QUrl::StrictMode);
        config.redirectUri = QUrl(fields.redirectUri.trimmed(), QUrl::StrictMode);
        static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
        config.acceptedIssuers = fields.issuers.split(separators, Qt::SkipEmptyParts);
    }
    if (config.acceptedIssuers.isEmpty()) {
        // As ConfigLoader derives them; on loopback also WorkOS's own, which the emulator uses.
        config.acceptedIssuers = AuthKitConfig::defaultIssuers(config.apiBaseUrl, config.clientId);
        if (config.apiBaseUrl.host() == QLatin1String("127.0.0.1"))
            config.acceptedIssuers += AuthKitConfig::defaultIssuers(
                QUrl(QLatin1String(AuthKitConfig::kDefaultApiBase)), config.clientId);
    }
    return config;
}

void SettingsDialog::showProblem(const QString &profile, const QString &problem)
{
    if (m_profile->currentText() != profile && m_profile->findText(profile) >= 0)
        m_profile->setCurrentText(profile); // keeps what was typed in the other profile
    m_error->setText(tr("Profile %1: %2").arg(profile, problem));
    m_error->setAccessibleName(m_error->text());
    m_error->show();
}

void SettingsDialog::accept()
{
    keepEdits();
    QStringList toSave;
    for (int i = 0; i < m_profile->count(); ++i) {
        const QString profile = m_profile->itemText(i);
        if (isEdited(profile))
            toSave.append(profile);
    }
    QStringList toCheck = toSave;
    if (!toCheck.contains(startupProfile()))
        toCheck.append(startupProfile()); // choosing an unusable profile fails now, not at start
    for (const QString &profile : std::as_const(toCheck)) {
        const QStringList problems = configFor(profile).validate();
        if (!problems.isEmpty()) {
            showProblem(profile, problems.first());
            m_clientId->setFocus();
            return;
        }
    }
    for (const QString &profile : std::as_const(toSave)) {
        QString error;
        if (!ConfigLoader::saveProfile(configFor(profile), m_configFile, &error)) {
            showProblem(profile, error);
            return;
        }
        m_loaded.insert(profile, configFor(profile));
    }
    QSettings().setValue(QLatin1String(kProfileKey), startupProfile());
    QSettings().setValue(QLatin1String(TranslationLoader::kLanguageKey), m_language->currentData());
    m_error->hide();
    Q_EMIT saved(startupProfile());
    QDialog::accept();
}
