<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>HostedPages</name>
    <message>
        <source>No messages yet.</source>
        <translation>Noch keine Nachrichten.</translation>
    </message>
    <message>
        <source>Dev inbox</source>
        <translation>Entwickler-Posteingang</translation>
    </message>
    <message>
        <source>AuthKit emulator</source>
        <translation>AuthKit-Emulator</translation>
    </message>
    <message>
        <source>We sent a 6-digit code to %1. It is valid for 10 minutes.</source>
        <translation>Wir haben einen 6-stelligen Code an %1 gesendet. Er ist 10 Minuten gültig.</translation>
    </message>
    <message>
        <source>%1 wants to sign you in with your %2 account.</source>
        <translation>%1 möchte Sie mit Ihrem %2-Konto anmelden.</translation>
    </message>
    <message>
        <source>%1 account email</source>
        <translation>E-Mail-Adresse des %1-Kontos</translation>
    </message>
    <message>
        <source>This form was not sent by this sign-in page</source>
        <translation>Dieses Formular wurde nicht von dieser Anmeldeseite gesendet</translation>
    </message>
    <message>
        <source>Reload the page and try again, or go back to the application and start signing in again.</source>
        <translation>Laden Sie die Seite neu und versuchen Sie es erneut, oder kehren Sie zur Anwendung zurück und melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>This sign-in has expired</source>
        <translation>Diese Anmeldung ist abgelaufen</translation>
    </message>
    <message>
        <source>Go back to the application and start signing in again.</source>
        <translation>Kehren Sie zur Anwendung zurück und melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Incorrect email or password.</source>
        <translation>E-Mail-Adresse oder Passwort ist falsch.</translation>
    </message>
    <message>
        <source>Create your account</source>
        <translation>Konto erstellen</translation>
    </message>
    <message>
        <source>Enter a valid email address.</source>
        <translation>Geben Sie eine gültige E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <source>Choose a password of at least 8 characters.</source>
        <translation>Wählen Sie ein Passwort mit mindestens 8 Zeichen.</translation>
    </message>
    <message>
        <source>An account with this email already exists. Sign in instead.</source>
        <translation>Ein Konto mit dieser E-Mail-Adresse existiert bereits. Melden Sie sich stattdessen an.</translation>
    </message>
    <message>
        <source>Check your email</source>
        <translation>Prüfen Sie Ihre E-Mails</translation>
    </message>
    <message>
        <source>That code has expired. Go back and ask for a new one.</source>
        <translation>Dieser Code ist abgelaufen. Gehen Sie zurück und fordern Sie einen neuen an.</translation>
    </message>
    <message>
        <source>Too many attempts. Go back and ask for a new code.</source>
        <translation>Zu viele Versuche. Gehen Sie zurück und fordern Sie einen neuen Code an.</translation>
    </message>
    <message>
        <source>That code is not right. Check your email and try again.</source>
        <translation>Dieser Code ist nicht richtig. Prüfen Sie Ihre E-Mails und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Unknown provider</source>
        <translation>Unbekannter Anbieter</translation>
    </message>
    <message>
        <source>This identity provider is not emulated.</source>
        <translation>Dieser Identitätsanbieter wird nicht emuliert.</translation>
    </message>
    <message>
        <source>Sign in with %1</source>
        <translation>Mit %1 anmelden</translation>
    </message>
    <message>
        <source>Two-factor authentication</source>
        <translation>Zwei-Faktor-Authentifizierung</translation>
    </message>
    <message>
        <source>Too many attempts. Go back to the application and start signing in again.</source>
        <translation>Zu viele Versuche. Kehren Sie zur Anwendung zurück und melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>That code is not valid. Enter the current code from your authenticator app.</source>
        <translation>Dieser Code ist ungültig. Geben Sie den aktuellen Code aus Ihrer Authenticator-App ein.</translation>
    </message>
    <message>
        <source>Choose an organization</source>
        <translation>Organisation auswählen</translation>
    </message>
    <message>
        <source>You have signed out</source>
        <translation>Sie haben sich abgemeldet</translation>
    </message>
    <message>
        <source>You can close this window.</source>
        <translation>Sie können dieses Fenster schließen.</translation>
    </message>
    <message>
        <source>This is the emulator: the code is in its log and in the dev inbox.</source>
        <translation>Dies ist der Emulator: Der Code steht in seinem Protokoll und im Entwickler-Posteingang.</translation>
    </message>
    <message>
        <source>Open the dev inbox</source>
        <translation>Entwickler-Posteingang öffnen</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Use another method</source>
        <translation>Andere Methode verwenden</translation>
    </message>
    <message>
        <source>One-time codes the emulator &quot;sent&quot; by email, newest first. Reload to see new ones.</source>
        <translation>Einmalcodes, die der Emulator per E-Mail „gesendet“ hat, die neuesten zuerst. Laden Sie die Seite neu, um neue zu sehen.</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>AuthKit emulator · runs on this computer, no account needed</source>
        <translation>AuthKit-Emulator · läuft auf diesem Computer, kein Konto nötig</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from your authenticator app.</source>
        <translation>Geben Sie den 6-stelligen Code aus Ihrer Authenticator-App ein.</translation>
    </message>
    <message>
        <source>Authentication code</source>
        <translation>Authentifizierungscode</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>emulated</source>
        <translation>emuliert</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>Zulassen</translation>
    </message>
    <message>
        <source>You belong to several organizations. Which one do you want to use?</source>
        <translation>Sie gehören mehreren Organisationen an. Welche möchten Sie verwenden?</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>or</source>
        <translation>oder</translation>
    </message>
    <message>
        <source>Sign in with a code sent to</source>
        <translation>Mit einem Code anmelden, gesendet an</translation>
    </message>
    <message>
        <source>Email me a code</source>
        <translation>Code per E-Mail senden</translation>
    </message>
    <message>
        <source>Continue with Google</source>
        <translation>Weiter mit Google</translation>
    </message>
    <message>
        <source>Continue with GitHub</source>
        <translation>Weiter mit GitHub</translation>
    </message>
    <message>
        <source>Continue with Microsoft</source>
        <translation>Weiter mit Microsoft</translation>
    </message>
    <message>
        <source>No account?</source>
        <translation>Kein Konto?</translation>
    </message>
    <message>
        <source>Sign up</source>
        <translation>Registrieren</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>At least 8 characters.</source>
        <translation>Mindestens 8 Zeichen.</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Konto erstellen</translation>
    </message>
    <message>
        <source>Already have an account?</source>
        <translation>Sie haben bereits ein Konto?</translation>
    </message>
    <message>
        <source>Invalid client ID</source>
        <translation>Ungültige Client-ID</translation>
    </message>
    <message>
        <source>The client_id &quot;%1&quot; is not a client of this environment.</source>
        <translation>Die client_id „%1“ ist kein Client dieser Umgebung.</translation>
    </message>
    <message>
        <source>Invalid redirect URI</source>
        <translation>Ungültige Weiterleitungs-URI</translation>
    </message>
    <message>
        <source>The redirect_uri &quot;%1&quot; is not registered for %2.</source>
        <translation>Die redirect_uri „%1“ ist für %2 nicht registriert.</translation>
    </message>
    <message>
        <source>The redirect URI is not an absolute URL.</source>
        <translation>Die Weiterleitungs-URI ist keine absolute URL.</translation>
    </message>
    <message>
        <source>A production redirect URI must not carry credentials.</source>
        <translation>Eine Weiterleitungs-URI in der Produktion darf keine Zugangsdaten enthalten.</translation>
    </message>
    <message>
        <source>A production redirect URI must not have a fragment.</source>
        <translation>Eine Weiterleitungs-URI in der Produktion darf kein Fragment haben.</translation>
    </message>
    <message>
        <source>An https redirect URI needs a host.</source>
        <translation>Eine https-Weiterleitungs-URI braucht einen Host.</translation>
    </message>
    <message>
        <source>Production does not allow localhost: use the loopback IP literal, http://127.0.0.1 (any port), or https.</source>
        <translation>Die Produktion erlaubt kein localhost: Verwenden Sie die Loopback-IP-Adresse, http://127.0.0.1 (beliebiger Port), oder https.</translation>
    </message>
    <message>
        <source>Production redirect URIs must use https (http only to the loopback IP literal 127.0.0.1 or [::1]).</source>
        <translation>Weiterleitungs-URIs in der Produktion müssen https verwenden (http nur zur Loopback-IP-Adresse 127.0.0.1 oder [::1]).</translation>
    </message>
    <message>
        <source>The scheme &quot;%1&quot; cannot be a redirect URI.</source>
        <translation>Das Schema „%1“ kann keine Weiterleitungs-URI sein.</translation>
    </message>
    <message>
        <source>The redirect_uri &quot;%1&quot; is not allowed in the production environment of %2. %3</source>
        <translation>Die redirect_uri „%1“ ist in der Produktionsumgebung von %2 nicht erlaubt. %3</translation>
    </message>
</context>
</TS>
