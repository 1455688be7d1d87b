#pragma once

#include <authkitqt/core/AuthKitConfig.h>

#include <QDialog>
#include <QHash>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

// Edits the profiles in the config file (client ID, API base URL, redirect URI, accepted
// issuers) and chooses the profile used at the next start. Save validates every edited profile
// with AuthKitConfig::validate(): the first problem is shown, that profile is selected and the
// dialog stays open with everything typed kept. A profile or language change applies at the next
// start. Object names: settingsDialog, settingsProfile, settingsClientId, settingsApiBaseUrl,
// settingsRedirectUri, settingsIssuers, settingsStartupProfile, settingsLanguage, settingsError.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr char kProfileKey[] = "profile"; // QSettings: the profile used at start

    SettingsDialog(QString configFile, QString profileInUse, QWidget *parent = nullptr);

    // Shows a problem found before the dialog opened (e.g. the profile cannot be used).
    void setProblem(const QString &problem);
    QString startupProfile() const;

    // The profile's values as saved in the file, over the built-in defaults.
    static authkit::AuthKitConfig readProfile(const QString &configFile, const QString &profile);

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    void saved(const QString &startupProfile);

private:
    // The fields as typed (kept verbatim, so switching profiles loses nothing).
    struct Fields
    {
        QString clientId;
        QString apiBaseUrl;
        QString redirectUri;
        QString issuers; // one per line; empty: derived from the client ID and API URL
        bool operator==(const Fields &other) const;
    };

    void showProfile(const QString &profile);
    void keepEdits();
    authkit::AuthKitConfig configFor(const QString &profile) const;
    bool isEdited(const QString &profile) const;
    void showProblem(const QString &profile, const QString &problem);

    QString m_configFile;
    QString m_profileInUse;
    QString m_shown;                                 // the profile the fields show
    QHash<QString, authkit::AuthKitConfig> m_loaded; // as read from the file
    QHash<QString, Fields> m_fields;                 // as typed, per profile shown

    QComboBox *m_profile;
    QLineEdit *m_clientId;
    QLineEdit *m_apiBaseUrl;
    QLineEdit *m_redirectUri;
    QPlainTextEdit *m_issuers;
    QComboBox *m_startupProfile;
    QComboBox *m_language; // "" (the system's) or a TranslationLoader::languages() code
    QLabel *m_localNote;
    QLabel *m_error;
};
