<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AuthKitApi</name>
    <message>
        <source>Cannot reach WorkOS: %1</source>
        <translation>WorkOS ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>WorkOS did not answer in time.</source>
        <translation>WorkOS hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>WorkOS sent a response this app cannot read: %1</source>
        <translation>WorkOS hat eine Antwort gesendet, die diese App nicht lesen kann: %1</translation>
    </message>
    <message>
        <source>Too many requests to WorkOS; trying again shortly.</source>
        <translation>Zu viele Anfragen an WorkOS; in Kürze erfolgt ein neuer Versuch.</translation>
    </message>
    <message>
        <source>WorkOS is having trouble (HTTP %1); trying again shortly.</source>
        <translation>Bei WorkOS gibt es Probleme (HTTP %1); in Kürze erfolgt ein neuer Versuch.</translation>
    </message>
    <message>
        <source>WorkOS refused the request (HTTP %1 %2).</source>
        <translation>WorkOS hat die Anfrage abgelehnt (HTTP %1 %2).</translation>
    </message>
    <message>
        <source>the response lacks the user or the tokens</source>
        <translation>in der Antwort fehlen der Benutzer oder die Tokens</translation>
    </message>
    <message>
        <source>its refresh token was already used (by another program with this session, or a reply that was lost on the way)</source>
        <translation>ihr Aktualisierungstoken wurde bereits verwendet (von einem anderen Programm mit dieser Sitzung oder durch eine unterwegs verlorene Antwort)</translation>
    </message>
    <message>
        <source>it expired</source>
        <translation>sie ist abgelaufen</translation>
    </message>
    <message>
        <source>it was signed out or revoked</source>
        <translation>sie wurde abgemeldet oder widerrufen</translation>
    </message>
    <message>
        <source>WorkOS no longer accepts it</source>
        <translation>WorkOS akzeptiert sie nicht mehr</translation>
    </message>
    <message>
        <source>Your session has ended: %1. Please sign in again.</source>
        <translation>Ihre Sitzung ist beendet: %1. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Your session has ended: %1 (%2). Please sign in again.</source>
        <translation>Ihre Sitzung ist beendet: %1 (%2). Bitte melden Sie sich erneut an.</translation>
    </message>
</context>
<context>
    <name>AuthKitConfig</name>
    <message>
        <source>The client ID is an API key (sk_…). A desktop app is a public client: use the environment&apos;s client ID (client_…) and never ship an API key.</source>
        <translation>Die Client-ID ist ein API-Schlüssel (sk_…). Eine Desktop-App ist ein öffentlicher Client: Verwenden Sie die Client-ID der Umgebung (client_…) und liefern Sie niemals einen API-Schlüssel aus.</translation>
    </message>
    <message>
        <source>No client ID: set one with --client-id, WORKOS_CLIENT_ID or the profile&apos;s settings.</source>
        <translation>Keine Client-ID: Legen Sie eine mit --client-id, WORKOS_CLIENT_ID oder in den Einstellungen des Profils fest.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a WorkOS client ID (client_ followed by 26 letters and digits).</source>
        <translation>„%1“ ist keine WorkOS-Client-ID (client_ gefolgt von 26 Buchstaben und Ziffern).</translation>
    </message>
    <message>
        <source>The API base URL must be an https:// URL (or http:// on 127.0.0.1 for the emulator); got &quot;%1&quot;.</source>
        <translation>Die API-Basis-URL muss eine https://-URL sein (oder http:// auf 127.0.0.1 für den Emulator); erhalten: „%1“.</translation>
    </message>
    <message>
        <source>The API base URL must not carry credentials or a query.</source>
        <translation>Die API-Basis-URL darf keine Zugangsdaten und keine Abfrage enthalten.</translation>
    </message>
    <message>
        <source>The redirect URI &quot;%1&quot; is not a valid URL.</source>
        <translation>Die Weiterleitungs-URI „%1“ ist keine gültige URL.</translation>
    </message>
    <message>
        <source>An http redirect URI must be a loopback address (http://127.0.0.1/…).</source>
        <translation>Eine http-Weiterleitungs-URI muss eine Loopback-Adresse sein (http://127.0.0.1/…).</translation>
    </message>
    <message>
        <source>At least one accepted token issuer is needed.</source>
        <translation>Mindestens ein zulässiger Token-Aussteller ist erforderlich.</translation>
    </message>
    <message>
        <source>The sign-out return URI is not a valid URL.</source>
        <translation>Die Rücksprung-URI nach dem Abmelden ist keine gültige URL.</translation>
    </message>
    <message>
        <source>The Convex URL must be an https:// URL (or http:// on 127.0.0.1).</source>
        <translation>Die Convex-URL muss eine https://-URL sein (oder http:// auf 127.0.0.1).</translation>
    </message>
</context>
<context>
    <name>ConfigLoader</name>
    <message>
        <source>--project: &quot;%1&quot; is not a folder.</source>
        <translation>--project: „%1“ ist kein Ordner.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a profile name (lower-case letters, digits, - and _).</source>
        <translation>„%1“ ist kein Profilname (Kleinbuchstaben, Ziffern, - und _).</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>--project: no .env.local, .env or convex.json in &quot;%1&quot;.</source>
        <translation>--project: keine .env.local, .env oder convex.json in „%1“.</translation>
    </message>
    <message>
        <source>--project: &quot;%1&quot; names no WORKOS_CLIENT_ID, CONVEX_URL or redirect URI this app can receive.</source>
        <translation>--project: „%1“ nennt weder WORKOS_CLIENT_ID noch CONVEX_URL noch eine Weiterleitungs-URI, die diese App empfangen kann.</translation>
    </message>
</context>
<context>
    <name>ConvexAuthKitSection</name>
    <message>
        <source>line %1, column %2</source>
        <translation>Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <source>convex.json: %1 &quot;%2&quot; left out: its template is not set in the environment</source>
        <translation>convex.json: %1 „%2“ ausgelassen: seine Vorlagenvariable ist in der Umgebung nicht gesetzt</translation>
    </message>
    <message>
        <source>convex.json: %1.%2 must be a list of strings</source>
        <translation>convex.json: %1.%2 muss eine Liste von Zeichenketten sein</translation>
    </message>
    <message>
        <source>convex.json is not valid JSON: %1 at %2</source>
        <translation>convex.json ist kein gültiges JSON: %1 in %2</translation>
    </message>
    <message>
        <source>convex.json must be a JSON object</source>
        <translation>convex.json muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>convex.json: authKit and %1 must be objects</source>
        <translation>convex.json: authKit und %1 müssen Objekte sein</translation>
    </message>
    <message>
        <source>convex.json: %1.appHomepageUrl must be a string</source>
        <translation>convex.json: %1.appHomepageUrl muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is larger than %2 bytes</source>
        <translation>%1 ist größer als %2 Bytes</translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <source>Already started.</source>
        <translation>Bereits gestartet.</translation>
    </message>
    <message>
        <source>Cannot start the local AuthKit emulator: %1</source>
        <translation>Der lokale AuthKit-Emulator kann nicht gestartet werden: %1</translation>
    </message>
</context>
<context>
    <name>DesktopCommandLine</name>
    <message>
        <source>Profile: local, development, production.</source>
        <translation>Profil: local, development, production.</translation>
    </message>
    <message>
        <source>WorkOS client ID (client_…).</source>
        <translation>WorkOS-Client-ID (client_…).</translation>
    </message>
    <message>
        <source>WorkOS API base URL (a custom auth domain, or a running emulator).</source>
        <translation>WorkOS-API-Basis-URL (eine eigene Authentifizierungsdomain oder ein laufender Emulator).</translation>
    </message>
    <message>
        <source>Redirect URI registered with WorkOS (default http://127.0.0.1/callback; the sign-in window catches it, the browser fallback listens on a free port; production, installed with its .desktop file: authkit-desktop://callback, through the system browser).</source>
        <translation>Bei WorkOS registrierte Weiterleitungs-URI (Standard: http://127.0.0.1/callback; das Anmeldefenster fängt sie ab, die Browser-Alternative lauscht auf einem freien Port; Produktion, mit ihrer .desktop-Datei installiert: authkit-desktop://callback, über den Systembrowser).</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot; (see --help).</source>
        <translation>Unerwartetes Argument „%1“ (siehe --help).</translation>
    </message>
    <message>
        <source>Sign in to WorkOS AuthKit in a Qt WebEngine window; the views follow the sign-in state.

With no options it runs the profile chosen in File &gt; Settings (at first: local).
The local profile starts authkit-emulator ($AUTHKIT_EMULATOR, else the one next to it)
on a free port of 127.0.0.1 and stops it on exit; it keeps its key and sessions in the
app&apos;s data folder. Seeded users (password
&quot;password&quot;): ada@example.com, grace@example.com, alan@example.com (TOTP),
katherine@example.com. With --api-base-url the local profile uses that emulator instead.
The development and production profiles sign in with WorkOS, with your client IDs.
Settings come from the flags, then WORKOS_CLIENT_ID, WORKOS_API_HOSTNAME
(+ WORKOS_API_HTTPS, WORKOS_API_PORT), WORKOS_REDIRECT_URI, WORKOS_ISSUER, then
~/.config/AuthKitQt/profiles.ini (what File &gt; Settings edits), then --project.

A session is kept in the OS keychain (Secret Service) and restored at start, with no
sign-in window; with no keychain it lives in memory only, and the window says so.
One instance runs per user and data folder: starting it again brings the running
window to the front (the new process exits 0).
State changes are logged on stderr, category authkit.desktop, at info level:
&quot;state: loading&quot;, &quot;state: signed-out&quot;, &quot;state: signed-in &lt;email&gt;&quot;.</source>
        <translation>Anmeldung bei WorkOS AuthKit in einem Qt-WebEngine-Fenster; die Ansichten folgen dem Anmeldestatus.

Ohne Optionen wird das unter Datei &gt; Einstellungen gewählte Profil verwendet (anfangs: local).
Das Profil local startet authkit-emulator ($AUTHKIT_EMULATOR, sonst den daneben)
auf einem freien Port von 127.0.0.1 und beendet ihn beim Beenden; er speichert seine Schlüssel
und Sitzungen im Datenordner der App. Vorangelegte Benutzer (Passwort „password“): ada@example.com, grace@example.com, alan@example.com (TOTP),
katherine@example.com. Mit --api-base-url verwendet das Profil local stattdessen diesen Emulator.
Die Profile development und production melden sich bei WorkOS an, mit Ihren Client-IDs.
Die Einstellungen stammen aus den Optionen, dann aus WORKOS_CLIENT_ID, WORKOS_API_HOSTNAME
(+ WORKOS_API_HTTPS, WORKOS_API_PORT), WORKOS_REDIRECT_URI, WORKOS_ISSUER, dann aus
~/.config/AuthKitQt/profiles.ini (was Datei &gt; Einstellungen bearbeitet), dann aus --project.

Eine Sitzung wird im Schlüsselbund des Betriebssystems (Secret Service) gespeichert und beim
Start ohne Anmeldefenster wiederhergestellt; ohne Schlüsselbund liegt sie nur im Arbeitsspeicher,
und das Fenster weist darauf hin.
Pro Benutzer und Datenordner läuft eine Instanz: ein erneuter Start holt das laufende Fenster
in den Vordergrund (der neue Prozess endet mit 0).
Statusänderungen werden auf stderr protokolliert, Kategorie authkit.desktop, auf Stufe info:
&quot;state: loading&quot;, &quot;state: signed-out&quot;, &quot;state: signed-in &lt;email&gt;&quot;.</translation>
    </message>
    <message>
        <source>Start signing in at once when no stored session is restored.</source>
        <translation>Sofort mit der Anmeldung beginnen, wenn keine gespeicherte Sitzung wiederhergestellt wird.</translation>
    </message>
    <message>
        <source>An authkit-desktop:// sign-in redirect, handed to the running app (what the browser opens).</source>
        <translation>Eine authkit-desktop://-Weiterleitung der Anmeldung, die an die laufende App übergeben wird (was der Browser öffnet).</translation>
    </message>
    <message>
        <source>A Convex web project: WORKOS_CLIENT_ID, CONVEX_URL and the redirect URI from .env.local, and convex.json&apos;s authKit redirectUris; the redirect URI is the first this app can receive (loopback, or authkit-desktop:// when production uses the scheme).</source>
        <translation>Ein Convex-Webprojekt: WORKOS_CLIENT_ID, CONVEX_URL und die Weiterleitungs-URI aus .env.local sowie die authKit-redirectUris aus convex.json; als Weiterleitungs-URI dient die erste, die diese App empfangen kann (Loopback, oder authkit-desktop://, wenn die Produktion das Schema nutzt).</translation>
    </message>
</context>
<context>
    <name>JwksCache</name>
    <message>
        <source>no usable signing key</source>
        <translation>kein verwendbarer Signaturschlüssel</translation>
    </message>
    <message>
        <source>WorkOS signed the token with a key it does not publish yet; trying again shortly.</source>
        <translation>WorkOS hat das Token mit einem Schlüssel signiert, den es noch nicht veröffentlicht; in Kürze erfolgt ein neuer Versuch.</translation>
    </message>
    <message>
        <source>Cannot get WorkOS&apos;s signing keys (%1); trying again shortly.</source>
        <translation>Die Signaturschlüssel von WorkOS sind nicht abrufbar (%1); in Kürze erfolgt ein neuer Versuch.</translation>
    </message>
</context>
<context>
    <name>LocalEmulatorProcess</name>
    <message>
        <source>The local AuthKit emulator stopped unexpectedly.</source>
        <translation>Der lokale AuthKit-Emulator wurde unerwartet beendet.</translation>
    </message>
    <message>
        <source>The local AuthKit emulator exited with code %1.</source>
        <translation>Der lokale AuthKit-Emulator wurde mit Code %1 beendet.</translation>
    </message>
    <message>
        <source>authkit-emulator was not found next to %1; install it there, or name it in the %2 environment variable, or start one and pass --api-base-url.</source>
        <translation>authkit-emulator wurde nicht neben %1 gefunden; installieren Sie ihn dort, nennen Sie ihn in der Umgebungsvariablen %2, oder starten Sie einen und übergeben Sie --api-base-url.</translation>
    </message>
    <message>
        <source>Cannot run %1: %2</source>
        <translation>%1 kann nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>The local AuthKit emulator exited before it was ready: %1</source>
        <translation>Der lokale AuthKit-Emulator wurde beendet, bevor er bereit war: %1</translation>
    </message>
    <message>
        <source>The local AuthKit emulator did not say it was ready within %1 seconds.</source>
        <translation>Der lokale AuthKit-Emulator hat sich nicht innerhalb von %1 Sekunden bereit gemeldet.</translation>
    </message>
    <message>
        <source>The local AuthKit emulator&apos;s ready line cannot be read (an older authkit-emulator?).</source>
        <translation>Die Bereitschaftszeile des lokalen AuthKit-Emulators ist nicht lesbar (ein älterer authkit-emulator?).</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Profile: %1</source>
        <translation>Profil: %1</translation>
    </message>
    <message>
        <source>AuthKit Desktop — %1</source>
        <translation>AuthKit Desktop — %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About AuthKit Desktop</source>
        <translation>Ü&amp;ber AuthKit Desktop</translation>
    </message>
    <message>
        <source>Profile %1 at %2</source>
        <translation>Profil %1 auf %2</translation>
    </message>
    <message>
        <source>%1 (%2), client %3</source>
        <translation>%1 (%2), Client %3</translation>
    </message>
    <message>
        <source>Settings saved. Profile %1 is used the next time authkit-desktop starts.</source>
        <translation>Einstellungen gespeichert. Profil %1 wird beim nächsten Start von authkit-desktop verwendet.</translation>
    </message>
    <message>
        <source>About AuthKit Desktop</source>
        <translation>Über AuthKit Desktop</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;AuthKit Desktop&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Signs in with WorkOS AuthKit in a Qt WebEngine window and shows views that follow the sign-in state. The session is kept in the OS keychain.&lt;/p&gt;&lt;p&gt;Profile: %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;AuthKit Desktop&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Meldet Sie mit WorkOS AuthKit in einem Qt-WebEngine-Fenster an und zeigt Ansichten, die dem Anmeldestatus folgen. Die Sitzung wird im Schlüsselbund des Betriebssystems gespeichert.&lt;/p&gt;&lt;p&gt;Profil: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Local AuthKit emulator started by this app at %1</source>
        <translation>Lokaler AuthKit-Emulator, von dieser App gestartet, auf %1</translation>
    </message>
    <message>
        <source>local (the AuthKit emulator started by this app), client %1</source>
        <translation>local (der von dieser App gestartete AuthKit-Emulator), Client %1</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (Sie)</translation>
    </message>
</context>
<context>
    <name>MessageListModel</name>
    <message>
        <source>%1 wrote: %2</source>
        <translation>%1 schrieb: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>MessagesPanel</name>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Identity seen by the backend</source>
        <translation>Identität aus Sicht des Backends</translation>
    </message>
    <message>
        <source>Asking the backend who you are…</source>
        <translation>Das Backend wird gefragt, wer Sie sind…</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>Neue Nachricht</translation>
    </message>
    <message>
        <source>Write a message</source>
        <translation>Nachricht schreiben</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>Messages error</source>
        <translation>Fehler bei den Nachrichten</translation>
    </message>
    <message>
        <source>Messages (Convex)</source>
        <translation>Nachrichten (Convex)</translation>
    </message>
    <message>
        <source>The backend could not say who you are: %1</source>
        <translation>Das Backend konnte nicht sagen, wer Sie sind: %1</translation>
    </message>
    <message>
        <source>Cannot load the messages: %1</source>
        <translation>Die Nachrichten können nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Cannot send the message: %1</source>
        <translation>Die Nachricht kann nicht gesendet werden: %1</translation>
    </message>
    <message>
        <source>The backend sees no signed-in user.</source>
        <translation>Das Backend sieht keinen angemeldeten Benutzer.</translation>
    </message>
    <message>
        <source>Backend identity: %1</source>
        <translation>Identität im Backend: %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Subjekt: %1</translation>
    </message>
    <message>
        <source>Issuer: %1</source>
        <translation>Aussteller: %1</translation>
    </message>
    <message>
        <source>Email: %1</source>
        <translation>E-Mail: %1</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Name: %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>already running; its window was brought to the front</source>
        <translation>läuft bereits; sein Fenster wurde in den Vordergrund geholt</translation>
    </message>
    <message>
        <source>the options of this launch were not applied; quit the running app to start with them</source>
        <translation>die Optionen dieses Starts wurden nicht übernommen; beenden Sie die laufende App, um mit ihnen zu starten</translation>
    </message>
    <message>
        <source>AuthKit Desktop</source>
        <translation>AuthKit Desktop</translation>
    </message>
    <message>
        <source>the sign-in was handed to the running app</source>
        <translation>die Anmeldung wurde an die laufende App übergeben</translation>
    </message>
    <message>
        <source>the running app refused the sign-in redirect: %1</source>
        <translation>die laufende App hat die Weiterleitung der Anmeldung abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <comment>minutes</comment>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <comment>hours</comment>
        <translation>
            <numerusform>vor %n Stunde</numerusform>
            <numerusform>vor %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d ago</source>
        <comment>days</comment>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionStore</name>
    <message>
        <source>The session is too large to store (%1 bytes, at most %2).</source>
        <translation>Die Sitzung ist zu groß zum Speichern (%1 Byte, höchstens %2).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Profile to edit</source>
        <translation>Zu bearbeitendes Profil</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>client_… (the environment&apos;s client ID, never an sk_ key)</source>
        <translation>client_… (die Client-ID der Umgebung, niemals ein sk_-Schlüssel)</translation>
    </message>
    <message>
        <source>API base URL</source>
        <translation>API-Basis-URL</translation>
    </message>
    <message>
        <source>Redirect URI</source>
        <translation>Weiterleitungs-URI</translation>
    </message>
    <message>
        <source>Accepted issuers</source>
        <translation>Zulässige Aussteller</translation>
    </message>
    <message>
        <source>One per line. Empty: WorkOS&apos;s issuers for this client ID and API URL.</source>
        <translation>Einer pro Zeile. Leer: die Aussteller von WorkOS für diese Client-ID und API-URL.</translation>
    </message>
    <message>
        <source>Profile used at start</source>
        <translation>Beim Start verwendetes Profil</translation>
    </message>
    <message>
        <source>The local profile signs in against the emulator the app starts itself; its address is chosen at each start.</source>
        <translation>Das Profil local meldet sich beim Emulator an, den die App selbst startet; seine Adresse wird bei jedem Start neu gewählt.</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>&amp;Client ID:</source>
        <translation>&amp;Client-ID:</translation>
    </message>
    <message>
        <source>&amp;API base URL:</source>
        <translation>API-&amp;Basis-URL:</translation>
    </message>
    <message>
        <source>&amp;Redirect URI:</source>
        <translation>&amp;Weiterleitungs-URI:</translation>
    </message>
    <message>
        <source>&amp;Issuers:</source>
        <translation>Ausst&amp;eller:</translation>
    </message>
    <message>
        <source>&amp;Use at start:</source>
        <translation>Beim Start &amp;verwenden:</translation>
    </message>
    <message>
        <source>Profiles are read when the app starts: changes, and the profile used, apply the next time authkit-desktop starts. In use now: %1.</source>
        <translation>Profile werden beim Start der App gelesen: Änderungen und das verwendete Profil gelten ab dem nächsten Start von authkit-desktop. Derzeit verwendet: %1.</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Einstellungen speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Profile %1: %2</source>
        <translation>Profil %1: %2</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>&amp;Language (at the next start):</source>
        <translation>&amp;Sprache (beim nächsten Start):</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>Cannot take the lock %1</source>
        <translation>Die Sperre %1 kann nicht gesetzt werden</translation>
    </message>
    <message>
        <source>The running authkit-desktop did not answer: %1</source>
        <translation>Das laufende authkit-desktop hat nicht geantwortet: %1</translation>
    </message>
    <message>
        <source>Cannot listen for other launches: %1</source>
        <translation>Auf weitere Starts kann nicht gewartet werden: %1</translation>
    </message>
</context>
<context>
    <name>TokenManager</name>
    <message>
        <source>Not signed in.</source>
        <translation>Nicht angemeldet.</translation>
    </message>
    <message>
        <source>the access token failed verification: %1</source>
        <translation>das Zugriffstoken konnte nicht verifiziert werden: %1</translation>
    </message>
    <message>
        <source>another process is refreshing this session and has not finished</source>
        <translation>ein anderes Programm erneuert diese Sitzung gerade und ist noch nicht fertig</translation>
    </message>
    <message>
        <source>You were signed out by another program using this account on this computer.</source>
        <translation>Sie wurden von einem anderen Programm abgemeldet, das dieses Konto auf diesem Computer verwendet.</translation>
    </message>
</context>
<context>
    <name>authkit::AccountPage</name>
    <message>
        <source>S&amp;witch</source>
        <translation>&amp;Wechseln</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>Impersonation warning</source>
        <translation>Warnung: Identitätsübernahme</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Switch organization</source>
        <translation>Organisation wechseln</translation>
    </message>
    <message>
        <source>Organization to switch to</source>
        <translation>Organisation, zu der gewechselt werden soll</translation>
    </message>
    <message>
        <source>org_…</source>
        <translation>org_…</translation>
    </message>
    <message>
        <source>Organization:</source>
        <translation>Organisation:</translation>
    </message>
    <message>
        <source>Permissions:</source>
        <translation>Berechtigungen:</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>Zugriffstoken:</translation>
    </message>
    <message>
        <source>Next refresh:</source>
        <translation>Nächste Aktualisierung:</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profil:</translation>
    </message>
    <message>
        <source>Switch &amp;organization:</source>
        <translation>&amp;Organisation wechseln:</translation>
    </message>
    <message>
        <source>Logged in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>Impersonation: %1 is signed in as this user.</source>
        <translation>Identitätsübernahme: %1 ist als dieser Benutzer angemeldet.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>%1 (role %2)</source>
        <translation>%1 (Rolle %2)</translation>
    </message>
    <message>
        <source>none yet (offline); retrying</source>
        <translation>noch keines (offline); neuer Versuch läuft</translation>
    </message>
    <message>
        <source>expires in %1</source>
        <translation>läuft in %1 ab</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>refreshing now…</source>
        <translation>wird gerade aktualisiert…</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>nicht geplant</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
</context>
<context>
    <name>authkit::AuthSession</name>
    <message>
        <source>No way to show the sign-in page is set up.</source>
        <translation>Es ist keine Möglichkeit eingerichtet, die Anmeldeseite anzuzeigen.</translation>
    </message>
    <message>
        <source>Cannot receive the sign-in redirect on this computer.</source>
        <translation>Die Weiterleitung nach der Anmeldung kann auf diesem Computer nicht empfangen werden.</translation>
    </message>
    <message>
        <source>The sign-in page answered with something this app cannot read.</source>
        <translation>Die Anmeldeseite hat mit etwas geantwortet, das diese App nicht lesen kann.</translation>
    </message>
    <message>
        <source>The sign-in answer did not match this sign-in; try again.</source>
        <translation>Die Antwort passte nicht zu dieser Anmeldung; versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>authkit::AuthState</name>
    <message>
        <source>No keychain is available, so this session is kept in memory only: you will need to sign in again after a restart.</source>
        <translation>Es ist kein Schlüsselbund verfügbar, daher wird diese Sitzung nur im Arbeitsspeicher gehalten: Nach einem Neustart müssen Sie sich erneut anmelden.</translation>
    </message>
</context>
<context>
    <name>authkit::CustomSchemeUserAgent</name>
    <message>
        <source>Could not open the web browser.</source>
        <translation>Der Webbrowser konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>No sign-in is waiting for this redirect; start the sign-in in the app again.</source>
        <translation>Keine Anmeldung wartet auf diese Weiterleitung; starten Sie die Anmeldung in der App erneut.</translation>
    </message>
    <message>
        <source>This is not the app&apos;s sign-in redirect.</source>
        <translation>Dies ist nicht die Anmelde-Weiterleitung der App.</translation>
    </message>
    <message>
        <source>The redirect is too long to be a sign-in answer.</source>
        <translation>Die Weiterleitung ist zu lang, um eine Antwort der Anmeldung zu sein.</translation>
    </message>
    <message>
        <source>This redirect belongs to another sign-in; the one under way goes on.</source>
        <translation>Diese Weiterleitung gehört zu einer anderen Anmeldung; die laufende geht weiter.</translation>
    </message>
</context>
<context>
    <name>authkit::InitialsAvatar</name>
    <message>
        <source>Avatar: %1</source>
        <translation>Avatar: %1</translation>
    </message>
</context>
<context>
    <name>authkit::LoadingPage</name>
    <message>
        <source>Restoring your session…</source>
        <translation>Ihre Sitzung wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Restoring your session</source>
        <translation>Ihre Sitzung wird wiederhergestellt</translation>
    </message>
    <message>
        <source>Connecting to the backend…</source>
        <translation>Verbindung zum Backend wird hergestellt…</translation>
    </message>
    <message>
        <source>Connecting to the backend</source>
        <translation>Verbindung zum Backend wird hergestellt</translation>
    </message>
</context>
<context>
    <name>authkit::LoginPage</name>
    <message>
        <source>The sign-in answer did not come from the sign-in service, so it was ignored.</source>
        <translation>Die Antwort auf die Anmeldung kam nicht vom Anmeldedienst und wurde daher ignoriert.</translation>
    </message>
    <message>
        <source>The sign-in answer does not belong to this sign-in, so it was ignored.</source>
        <translation>Die Antwort gehört nicht zu dieser Anmeldung und wurde daher ignoriert.</translation>
    </message>
    <message>
        <source>Pop-up windows are not opened during sign-in.</source>
        <translation>Pop-up-Fenster werden während der Anmeldung nicht geöffnet.</translation>
    </message>
    <message>
        <source>The sign-in answer may only arrive in the page itself.</source>
        <translation>Die Antwort der Anmeldung darf nur in der Seite selbst eintreffen.</translation>
    </message>
    <message>
        <source>%1 is not encrypted, so it is not opened during sign-in.</source>
        <translation>%1 ist nicht verschlüsselt und wird daher während der Anmeldung nicht geöffnet.</translation>
    </message>
    <message>
        <source>%1 is not part of the sign-in, so it was not opened.</source>
        <translation>%1 gehört nicht zur Anmeldung und wurde daher nicht geöffnet.</translation>
    </message>
    <message>
        <source>This kind of link is not opened during sign-in.</source>
        <translation>Diese Art von Link wird während der Anmeldung nicht geöffnet.</translation>
    </message>
</context>
<context>
    <name>authkit::LoginProcessUserAgent</name>
    <message>
        <source>The sign-in window could not be opened. Try again, or use your browser instead.</source>
        <translation>Das Anmeldefenster konnte nicht geöffnet werden. Versuchen Sie es erneut oder verwenden Sie stattdessen Ihren Browser.</translation>
    </message>
    <message>
        <source>The sign-in window closed unexpectedly. Try again, or use your browser instead.</source>
        <translation>Das Anmeldefenster wurde unerwartet geschlossen. Versuchen Sie es erneut oder verwenden Sie stattdessen Ihren Browser.</translation>
    </message>
</context>
<context>
    <name>authkit::LoginWindow</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Use my browser instead</source>
        <translation>Stattdessen meinen Browser verwenden</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Sign-in page</source>
        <translation>Anmeldeseite</translation>
    </message>
    <message>
        <source>Address of the sign-in page</source>
        <translation>Adresse der Anmeldeseite</translation>
    </message>
    <message>
        <source>Page loading progress</source>
        <translation>Ladefortschritt der Seite</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Problem bei der Anmeldung</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Anmeldung abbrechen</translation>
    </message>
    <message>
        <source>Use my web browser instead</source>
        <translation>Stattdessen meinen Webbrowser verwenden</translation>
    </message>
    <message>
        <source>Close this window and sign in with your usual web browser.</source>
        <translation>Dieses Fenster schließen und sich mit Ihrem gewohnten Webbrowser anmelden.</translation>
    </message>
    <message>
        <source>The identity of %1 could not be verified, so the page was not loaded. Check this computer&apos;s date and time and your network, or use your browser instead.</source>
        <translation>Die Identität von %1 konnte nicht überprüft werden, daher wurde die Seite nicht geladen. Prüfen Sie Datum und Uhrzeit dieses Computers und Ihr Netzwerk oder verwenden Sie stattdessen Ihren Browser.</translation>
    </message>
    <message>
        <source>The sign-in page stopped working. Cancel and try again, or use your browser instead.</source>
        <translation>Die Anmeldeseite funktioniert nicht mehr. Brechen Sie ab und versuchen Sie es erneut oder verwenden Sie stattdessen Ihren Browser.</translation>
    </message>
    <message>
        <source>The sign-in page could not be loaded. Check your network connection, or use your browser instead.</source>
        <translation>Die Anmeldeseite konnte nicht geladen werden. Prüfen Sie Ihre Netzwerkverbindung oder verwenden Sie stattdessen Ihren Browser.</translation>
    </message>
    <message>
        <source>Encrypted connection to %1</source>
        <translation>Verschlüsselte Verbindung zu %1</translation>
    </message>
    <message>
        <source>%1 (this computer, not encrypted)</source>
        <translation>%1 (dieser Computer, nicht verschlüsselt)</translation>
    </message>
    <message>
        <source>Unencrypted connection to this computer</source>
        <translation>Unverschlüsselte Verbindung zu diesem Computer</translation>
    </message>
    <message>
        <source>%1 (not encrypted)</source>
        <translation>%1 (nicht verschlüsselt)</translation>
    </message>
    <message>
        <source>Unencrypted connection</source>
        <translation>Unverschlüsselte Verbindung</translation>
    </message>
</context>
<context>
    <name>authkit::LoopbackUserAgent</name>
    <message>
        <source>Could not open the web browser.</source>
        <translation>Der Webbrowser konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Sign-in did not complete</source>
        <translation>Die Anmeldung wurde nicht abgeschlossen</translation>
    </message>
    <message>
        <source>Return to the application for details.</source>
        <translation>Kehren Sie für Details zur Anwendung zurück.</translation>
    </message>
    <message>
        <source>You are signed in</source>
        <translation>Sie sind angemeldet</translation>
    </message>
    <message>
        <source>You can close this tab and return to the application.</source>
        <translation>Sie können diesen Tab schließen und zur Anwendung zurückkehren.</translation>
    </message>
    <message>
        <source>Sign-in was cancelled</source>
        <translation>Die Anmeldung wurde abgebrochen</translation>
    </message>
    <message>
        <source>Method not allowed</source>
        <translation>Methode nicht erlaubt</translation>
    </message>
</context>
<context>
    <name>authkit::MemorySecretStore</name>
    <message>
        <source>memory only</source>
        <translation>nur Arbeitsspeicher</translation>
    </message>
</context>
<context>
    <name>authkit::SignedOutPage</name>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>Try the backend again</source>
        <translation>Das Backend erneut fragen</translation>
    </message>
    <message>
        <source>Send the sign-in to the Convex backend again</source>
        <translation>Die Anmeldung erneut an das Convex-Backend senden</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>The backend did not accept your sign-in</source>
        <translation>Das Backend hat Ihre Anmeldung nicht angenommen</translation>
    </message>
    <message>
        <source>Signed in to WorkOS as %1, but the Convex backend did not accept the token.</source>
        <translation>Bei WorkOS als %1 angemeldet, aber das Convex-Backend hat das Token nicht angenommen.</translation>
    </message>
    <message>
        <source>Signed in to WorkOS as %1, but the Convex backend did not accept the token: %2</source>
        <translation>Bei WorkOS als %1 angemeldet, aber das Convex-Backend hat das Token nicht angenommen: %2</translation>
    </message>
    <message>
        <source>Check that the deployment&apos;s auth configuration lists this client ID and issuer, then try again, or sign out.</source>
        <translation>Prüfen Sie, ob die Auth-Konfiguration des Deployments diese Client-ID und diesen Aussteller enthält, und versuchen Sie es dann erneut, oder melden Sie sich ab.</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Create &amp;account</source>
        <translation>&amp;Konto erstellen</translation>
    </message>
    <message>
        <source>&amp;Cancel sign-in</source>
        <translation>Anmeldung a&amp;bbrechen</translation>
    </message>
    <message>
        <source>You are signed out</source>
        <translation>Sie sind abgemeldet</translation>
    </message>
    <message>
        <source>Sign in with your AuthKit account, or create one. The sign-in page opens in its own window.</source>
        <translation>Melden Sie sich mit Ihrem AuthKit-Konto an oder erstellen Sie eines. Die Anmeldeseite öffnet sich in einem eigenen Fenster.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Open the AuthKit sign-in page</source>
        <translation>Die AuthKit-Anmeldeseite öffnen</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Konto erstellen</translation>
    </message>
    <message>
        <source>Open the AuthKit sign-up page</source>
        <translation>Die AuthKit-Registrierungsseite öffnen</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Anmeldung abbrechen</translation>
    </message>
    <message>
        <source>Finish signing in in the sign-in window, or in your browser.</source>
        <translation>Schließen Sie die Anmeldung im Anmeldefenster oder in Ihrem Browser ab.</translation>
    </message>
    <message>
        <source>Profile in use</source>
        <translation>Verwendetes Profil</translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>Nicht angemeldet: %1</translation>
    </message>
</context>
</TS>
