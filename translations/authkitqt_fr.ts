<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AuthKitApi</name>
    <message>
        <source>Cannot reach WorkOS: %1</source>
        <translation>Impossible de joindre WorkOS&#xa0;: %1</translation>
    </message>
    <message>
        <source>WorkOS did not answer in time.</source>
        <translation>WorkOS n’a pas répondu à temps.</translation>
    </message>
    <message>
        <source>WorkOS sent a response this app cannot read: %1</source>
        <translation>WorkOS a envoyé une réponse que cette application ne peut pas lire&#xa0;: %1</translation>
    </message>
    <message>
        <source>Too many requests to WorkOS; trying again shortly.</source>
        <translation>Trop de requêtes vers WorkOS&#xa0;; nouvel essai sous peu.</translation>
    </message>
    <message>
        <source>WorkOS is having trouble (HTTP %1); trying again shortly.</source>
        <translation>WorkOS rencontre des difficultés (HTTP %1)&#xa0;; nouvel essai sous peu.</translation>
    </message>
    <message>
        <source>WorkOS refused the request (HTTP %1 %2).</source>
        <translation>WorkOS a refusé la requête (HTTP %1 %2).</translation>
    </message>
    <message>
        <source>the response lacks the user or the tokens</source>
        <translation>la réponse ne contient pas l’utilisateur ou les jetons</translation>
    </message>
    <message>
        <source>its refresh token was already used (by another program with this session, or a reply that was lost on the way)</source>
        <translation>son jeton d’actualisation a déjà été utilisé (par un autre programme avec cette session, ou par une réponse perdue en route)</translation>
    </message>
    <message>
        <source>it expired</source>
        <translation>elle a expiré</translation>
    </message>
    <message>
        <source>it was signed out or revoked</source>
        <translation>elle a été fermée ou révoquée</translation>
    </message>
    <message>
        <source>WorkOS no longer accepts it</source>
        <translation>WorkOS ne l’accepte plus</translation>
    </message>
    <message>
        <source>Your session has ended: %1. Please sign in again.</source>
        <translation>Votre session a pris fin&#xa0;: %1. Veuillez vous reconnecter.</translation>
    </message>
    <message>
        <source>Your session has ended: %1 (%2). Please sign in again.</source>
        <translation>Votre session a pris fin&#xa0;: %1 (%2). Veuillez vous reconnecter.</translation>
    </message>
</context>
<context>
    <name>AuthKitConfig</name>
    <message>
        <source>The client ID is an API key (sk_…). A desktop app is a public client: use the environment&apos;s client ID (client_…) and never ship an API key.</source>
        <translation>L’ID client est une clé d’API (sk_…). Une application de bureau est un client public&#xa0;: utilisez l’ID client de l’environnement (client_…) et ne distribuez jamais de clé d’API.</translation>
    </message>
    <message>
        <source>No client ID: set one with --client-id, WORKOS_CLIENT_ID or the profile&apos;s settings.</source>
        <translation>Aucun ID client&#xa0;: indiquez-en un avec --client-id, WORKOS_CLIENT_ID ou les paramètres du profil.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a WorkOS client ID (client_ followed by 26 letters and digits).</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un ID client WorkOS (client_ suivi de 26 lettres et chiffres).</translation>
    </message>
    <message>
        <source>The API base URL must be an https:// URL (or http:// on 127.0.0.1 for the emulator); got &quot;%1&quot;.</source>
        <translation>L’URL de base de l’API doit être une URL https:// (ou http:// sur 127.0.0.1 pour l’émulateur)&#xa0;; reçu «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>The API base URL must not carry credentials or a query.</source>
        <translation>L’URL de base de l’API ne doit contenir ni identifiants ni requête.</translation>
    </message>
    <message>
        <source>The redirect URI &quot;%1&quot; is not a valid URL.</source>
        <translation>L’URI de redirection «&#xa0;%1&#xa0;» n’est pas une URL valide.</translation>
    </message>
    <message>
        <source>An http redirect URI must be a loopback address (http://127.0.0.1/…).</source>
        <translation>Une URI de redirection http doit être une adresse de bouclage (http://127.0.0.1/…).</translation>
    </message>
    <message>
        <source>At least one accepted token issuer is needed.</source>
        <translation>Au moins un émetteur de jetons accepté est nécessaire.</translation>
    </message>
    <message>
        <source>The sign-out return URI is not a valid URL.</source>
        <translation>L’URI de retour après déconnexion n’est pas une URL valide.</translation>
    </message>
    <message>
        <source>The Convex URL must be an https:// URL (or http:// on 127.0.0.1).</source>
        <translation>L’URL Convex doit être une URL https:// (ou http:// sur 127.0.0.1).</translation>
    </message>
</context>
<context>
    <name>ConfigLoader</name>
    <message>
        <source>--project: &quot;%1&quot; is not a folder.</source>
        <translation>--project&#xa0;: «&#xa0;%1&#xa0;» n’est pas un dossier.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a profile name (lower-case letters, digits, - and _).</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un nom de profil (lettres minuscules, chiffres, - et _).</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Impossible d’écrire %1.</translation>
    </message>
    <message>
        <source>--project: no .env.local, .env or convex.json in &quot;%1&quot;.</source>
        <translation>--project&#xa0;: ni .env.local, ni .env, ni convex.json dans «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>--project: &quot;%1&quot; names no WORKOS_CLIENT_ID, CONVEX_URL or redirect URI this app can receive.</source>
        <translation>--project&#xa0;: «&#xa0;%1&#xa0;» ne donne ni WORKOS_CLIENT_ID, ni CONVEX_URL, ni URI de redirection que cette application peut recevoir.</translation>
    </message>
</context>
<context>
    <name>ConvexAuthKitSection</name>
    <message>
        <source>line %1, column %2</source>
        <translation>ligne %1, colonne %2</translation>
    </message>
    <message>
        <source>convex.json: %1 &quot;%2&quot; left out: its template is not set in the environment</source>
        <translation>convex.json&#xa0;: %1 «&#xa0;%2&#xa0;» ignoré&#xa0;: sa variable de modèle n’est pas définie dans l’environnement</translation>
    </message>
    <message>
        <source>convex.json: %1.%2 must be a list of strings</source>
        <translation>convex.json&#xa0;: %1.%2 doit être une liste de chaînes</translation>
    </message>
    <message>
        <source>convex.json is not valid JSON: %1 at %2</source>
        <translation>convex.json n’est pas du JSON valide&#xa0;: %1 à la %2</translation>
    </message>
    <message>
        <source>convex.json must be a JSON object</source>
        <translation>convex.json doit être un objet JSON</translation>
    </message>
    <message>
        <source>convex.json: authKit and %1 must be objects</source>
        <translation>convex.json&#xa0;: authKit et %1 doivent être des objets</translation>
    </message>
    <message>
        <source>convex.json: %1.appHomepageUrl must be a string</source>
        <translation>convex.json&#xa0;: %1.appHomepageUrl doit être une chaîne</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 is larger than %2 bytes</source>
        <translation>%1 dépasse %2 octets</translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <source>Already started.</source>
        <translation>Déjà démarré.</translation>
    </message>
    <message>
        <source>Cannot start the local AuthKit emulator: %1</source>
        <translation>Impossible de démarrer l’émulateur AuthKit local&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>DesktopCommandLine</name>
    <message>
        <source>Profile: local, development, production.</source>
        <translation>Profil&#xa0;: local, development, production.</translation>
    </message>
    <message>
        <source>WorkOS client ID (client_…).</source>
        <translation>ID client WorkOS (client_…).</translation>
    </message>
    <message>
        <source>WorkOS API base URL (a custom auth domain, or a running emulator).</source>
        <translation>URL de base de l’API WorkOS (un domaine d’authentification personnalisé, ou un émulateur en cours d’exécution).</translation>
    </message>
    <message>
        <source>Redirect URI registered with WorkOS (default http://127.0.0.1/callback; the sign-in window catches it, the browser fallback listens on a free port; production, installed with its .desktop file: authkit-desktop://callback, through the system browser).</source>
        <translation>URI de redirection enregistrée auprès de WorkOS (par défaut http://127.0.0.1/callback&#xa0;; la fenêtre de connexion l’intercepte, le navigateur de secours écoute sur un port libre&#xa0;; en production, installée avec son fichier .desktop&#xa0;: authkit-desktop://callback, par le navigateur du système).</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot; (see --help).</source>
        <translation>Argument inattendu «&#xa0;%1&#xa0;» (voir --help).</translation>
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
        <translation>Connexion à WorkOS AuthKit dans une fenêtre Qt WebEngine&#xa0;; les vues suivent l’état de connexion.

Sans option, le profil choisi dans Fichier &gt; Paramètres est utilisé (au départ&#xa0;: local).
Le profil local démarre authkit-emulator ($AUTHKIT_EMULATOR, sinon celui situé à côté)
sur un port libre de 127.0.0.1 et l’arrête à la sortie&#xa0;; il conserve sa clé et ses sessions dans le
dossier de données de l’application. Utilisateurs préremplis (mot de passe
«&#xa0;password&#xa0;»)&#xa0;: ada@example.com, grace@example.com, alan@example.com (TOTP),
katherine@example.com. Avec --api-base-url, le profil local utilise plutôt cet émulateur.
Les profils development et production se connectent à WorkOS, avec vos ID client.
Les paramètres proviennent des options, puis de WORKOS_CLIENT_ID, WORKOS_API_HOSTNAME
(+ WORKOS_API_HTTPS, WORKOS_API_PORT), WORKOS_REDIRECT_URI, WORKOS_ISSUER, puis de
~/.config/AuthKitQt/profiles.ini (ce que modifie Fichier &gt; Paramètres), puis de --project.

Une session est conservée dans le trousseau du système (Secret Service) et restaurée au démarrage,
sans fenêtre de connexion&#xa0;; sans trousseau, elle reste en mémoire uniquement, et la fenêtre l’indique.
Une seule instance s’exécute par utilisateur et dossier de données&#xa0;: la relancer met la fenêtre
en cours au premier plan (le nouveau processus se termine avec 0).
Les changements d’état sont journalisés sur stderr, catégorie authkit.desktop, au niveau info&#xa0;:
&quot;state: loading&quot;, &quot;state: signed-out&quot;, &quot;state: signed-in &lt;email&gt;&quot;.</translation>
    </message>
    <message>
        <source>Start signing in at once when no stored session is restored.</source>
        <translation>Commencer la connexion aussitôt si aucune session enregistrée n’est restaurée.</translation>
    </message>
    <message>
        <source>An authkit-desktop:// sign-in redirect, handed to the running app (what the browser opens).</source>
        <translation>Une redirection de connexion authkit-desktop://, transmise à l’application en cours d’exécution (ce qu’ouvre le navigateur).</translation>
    </message>
    <message>
        <source>A Convex web project: WORKOS_CLIENT_ID, CONVEX_URL and the redirect URI from .env.local, and convex.json&apos;s authKit redirectUris; the redirect URI is the first this app can receive (loopback, or authkit-desktop:// when production uses the scheme).</source>
        <translation>Un projet web Convex&#xa0;: WORKOS_CLIENT_ID, CONVEX_URL et l’URI de redirection de .env.local, et les redirectUris d’authKit dans convex.json&#xa0;; l’URI de redirection est la première que cette application peut recevoir (loopback, ou authkit-desktop:// quand la production utilise le schéma).</translation>
    </message>
</context>
<context>
    <name>JwksCache</name>
    <message>
        <source>no usable signing key</source>
        <translation>aucune clé de signature utilisable</translation>
    </message>
    <message>
        <source>WorkOS signed the token with a key it does not publish yet; trying again shortly.</source>
        <translation>WorkOS a signé le jeton avec une clé qu’il ne publie pas encore&#xa0;; nouvel essai sous peu.</translation>
    </message>
    <message>
        <source>Cannot get WorkOS&apos;s signing keys (%1); trying again shortly.</source>
        <translation>Impossible d’obtenir les clés de signature de WorkOS (%1)&#xa0;; nouvel essai sous peu.</translation>
    </message>
</context>
<context>
    <name>LocalEmulatorProcess</name>
    <message>
        <source>The local AuthKit emulator stopped unexpectedly.</source>
        <translation>L’émulateur AuthKit local s’est arrêté de façon inattendue.</translation>
    </message>
    <message>
        <source>The local AuthKit emulator exited with code %1.</source>
        <translation>L’émulateur AuthKit local s’est terminé avec le code %1.</translation>
    </message>
    <message>
        <source>authkit-emulator was not found next to %1; install it there, or name it in the %2 environment variable, or start one and pass --api-base-url.</source>
        <translation>authkit-emulator est introuvable à côté de %1&#xa0;; installez-le à cet endroit, indiquez-le dans la variable d’environnement %2, ou démarrez-en un et passez --api-base-url.</translation>
    </message>
    <message>
        <source>Cannot run %1: %2</source>
        <translation>Impossible d’exécuter %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The local AuthKit emulator exited before it was ready: %1</source>
        <translation>L’émulateur AuthKit local s’est terminé avant d’être prêt&#xa0;: %1</translation>
    </message>
    <message>
        <source>The local AuthKit emulator did not say it was ready within %1 seconds.</source>
        <translation>L’émulateur AuthKit local n’a pas signalé qu’il était prêt dans les %1 secondes.</translation>
    </message>
    <message>
        <source>The local AuthKit emulator&apos;s ready line cannot be read (an older authkit-emulator?).</source>
        <translation>La ligne «&#xa0;prêt&#xa0;» de l’émulateur AuthKit local est illisible (un authkit-emulator plus ancien ?).</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>code de sortie %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Profile: %1</source>
        <translation>Profil&#xa0;: %1</translation>
    </message>
    <message>
        <source>AuthKit Desktop — %1</source>
        <translation>AuthKit Desktop — %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About AuthKit Desktop</source>
        <translation>À &amp;propos d’AuthKit Desktop</translation>
    </message>
    <message>
        <source>Profile %1 at %2</source>
        <translation>Profil %1 sur %2</translation>
    </message>
    <message>
        <source>%1 (%2), client %3</source>
        <translation>%1 (%2), client %3</translation>
    </message>
    <message>
        <source>Settings saved. Profile %1 is used the next time authkit-desktop starts.</source>
        <translation>Paramètres enregistrés. Le profil %1 sera utilisé au prochain démarrage d’authkit-desktop.</translation>
    </message>
    <message>
        <source>About AuthKit Desktop</source>
        <translation>À propos d’AuthKit Desktop</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;AuthKit Desktop&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Signs in with WorkOS AuthKit in a Qt WebEngine window and shows views that follow the sign-in state. The session is kept in the OS keychain.&lt;/p&gt;&lt;p&gt;Profile: %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;AuthKit Desktop&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Vous connecte avec WorkOS AuthKit dans une fenêtre Qt WebEngine et affiche des vues qui suivent l’état de connexion. La session est conservée dans le trousseau du système.&lt;/p&gt;&lt;p&gt;Profil&#xa0;: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Local AuthKit emulator started by this app at %1</source>
        <translation>Émulateur AuthKit local démarré par cette application sur %1</translation>
    </message>
    <message>
        <source>local (the AuthKit emulator started by this app), client %1</source>
        <translation>local (l’émulateur AuthKit démarré par cette application), client %1</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (vous)</translation>
    </message>
</context>
<context>
    <name>MessageListModel</name>
    <message>
        <source>%1 wrote: %2</source>
        <translation>%1 a écrit&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>MessagesPanel</name>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Identity seen by the backend</source>
        <translation>Identité vue par le serveur</translation>
    </message>
    <message>
        <source>Asking the backend who you are…</source>
        <translation>Demande de votre identité au serveur…</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>Nouveau message</translation>
    </message>
    <message>
        <source>Write a message</source>
        <translation>Écrire un message</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Envoyer le message</translation>
    </message>
    <message>
        <source>Messages error</source>
        <translation>Erreur des messages</translation>
    </message>
    <message>
        <source>Messages (Convex)</source>
        <translation>Messages (Convex)</translation>
    </message>
    <message>
        <source>The backend could not say who you are: %1</source>
        <translation>Le serveur n’a pas pu dire qui vous êtes&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot load the messages: %1</source>
        <translation>Impossible de charger les messages&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot send the message: %1</source>
        <translation>Impossible d’envoyer le message&#xa0;: %1</translation>
    </message>
    <message>
        <source>The backend sees no signed-in user.</source>
        <translation>Le serveur ne voit aucun utilisateur connecté.</translation>
    </message>
    <message>
        <source>Backend identity: %1</source>
        <translation>Identité côté serveur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Sujet&#xa0;: %1</translation>
    </message>
    <message>
        <source>Issuer: %1</source>
        <translation>Émetteur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Email: %1</source>
        <translation>E-mail&#xa0;: %1</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Nom&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>already running; its window was brought to the front</source>
        <translation>déjà en cours d’exécution&#xa0;; sa fenêtre a été mise au premier plan</translation>
    </message>
    <message>
        <source>the options of this launch were not applied; quit the running app to start with them</source>
        <translation>les options de ce lancement n’ont pas été appliquées&#xa0;; quittez l’application en cours pour démarrer avec elles</translation>
    </message>
    <message>
        <source>AuthKit Desktop</source>
        <translation>AuthKit Desktop</translation>
    </message>
    <message>
        <source>the sign-in was handed to the running app</source>
        <translation>la connexion a été transmise à l’application en cours d’exécution</translation>
    </message>
    <message>
        <source>the running app refused the sign-in redirect: %1</source>
        <translation>l’application en cours d’exécution a refusé la redirection de connexion&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message>
        <source>just now</source>
        <translation>à l’instant</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <comment>minutes</comment>
        <translation>
            <numerusform>il y a %n min</numerusform>
            <numerusform>il y a %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <comment>hours</comment>
        <translation>
            <numerusform>il y a %n h</numerusform>
            <numerusform>il y a %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d ago</source>
        <comment>days</comment>
        <translation>
            <numerusform>il y a %n jour</numerusform>
            <numerusform>il y a %n jours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionStore</name>
    <message>
        <source>The session is too large to store (%1 bytes, at most %2).</source>
        <translation>La session est trop volumineuse pour être enregistrée (%1 octets, %2 au maximum).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Profile to edit</source>
        <translation>Profil à modifier</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>ID client</translation>
    </message>
    <message>
        <source>client_… (the environment&apos;s client ID, never an sk_ key)</source>
        <translation>client_… (l’ID client de l’environnement, jamais une clé sk_)</translation>
    </message>
    <message>
        <source>API base URL</source>
        <translation>URL de base de l’API</translation>
    </message>
    <message>
        <source>Redirect URI</source>
        <translation>URI de redirection</translation>
    </message>
    <message>
        <source>Accepted issuers</source>
        <translation>Émetteurs acceptés</translation>
    </message>
    <message>
        <source>One per line. Empty: WorkOS&apos;s issuers for this client ID and API URL.</source>
        <translation>Un par ligne. Vide&#xa0;: les émetteurs de WorkOS pour cet ID client et cette URL d’API.</translation>
    </message>
    <message>
        <source>Profile used at start</source>
        <translation>Profil utilisé au démarrage</translation>
    </message>
    <message>
        <source>The local profile signs in against the emulator the app starts itself; its address is chosen at each start.</source>
        <translation>Le profil local se connecte à l’émulateur que l’application démarre elle-même&#xa0;; son adresse est choisie à chaque démarrage.</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Client ID:</source>
        <translation>ID &amp;client&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;API base URL:</source>
        <translation>URL de base de l’&amp;API&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Redirect URI:</source>
        <translation>URI de &amp;redirection&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Issuers:</source>
        <translation>É&amp;metteurs&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Use at start:</source>
        <translation>&amp;Utiliser au démarrage&#xa0;:</translation>
    </message>
    <message>
        <source>Profiles are read when the app starts: changes, and the profile used, apply the next time authkit-desktop starts. In use now: %1.</source>
        <translation>Les profils sont lus au démarrage de l’application&#xa0;: les modifications, et le profil utilisé, s’appliquent au prochain démarrage d’authkit-desktop. Utilisé actuellement&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Enregistrer les paramètres</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Profile %1: %2</source>
        <translation>Profil %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>&amp;Language (at the next start):</source>
        <translation>&amp;Langue (au prochain démarrage)&#xa0;:</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>Cannot take the lock %1</source>
        <translation>Impossible d’obtenir le verrou %1</translation>
    </message>
    <message>
        <source>The running authkit-desktop did not answer: %1</source>
        <translation>L’instance d’authkit-desktop en cours n’a pas répondu&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot listen for other launches: %1</source>
        <translation>Impossible d’écouter les autres lancements&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>TokenManager</name>
    <message>
        <source>Not signed in.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>the access token failed verification: %1</source>
        <translation>le jeton d’accès n’a pas passé la vérification&#xa0;: %1</translation>
    </message>
    <message>
        <source>another process is refreshing this session and has not finished</source>
        <translation>un autre processus actualise cette session et n’a pas terminé</translation>
    </message>
    <message>
        <source>You were signed out by another program using this account on this computer.</source>
        <translation>Vous avez été déconnecté par un autre programme utilisant ce compte sur cet ordinateur.</translation>
    </message>
</context>
<context>
    <name>authkit::AccountPage</name>
    <message>
        <source>S&amp;witch</source>
        <translation>&amp;Changer</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>Impersonation warning</source>
        <translation>Avertissement d’usurpation d’identité</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Switch organization</source>
        <translation>Changer d’organisation</translation>
    </message>
    <message>
        <source>Organization to switch to</source>
        <translation>Organisation de destination</translation>
    </message>
    <message>
        <source>org_…</source>
        <translation>org_…</translation>
    </message>
    <message>
        <source>Organization:</source>
        <translation>Organisation&#xa0;:</translation>
    </message>
    <message>
        <source>Permissions:</source>
        <translation>Autorisations&#xa0;:</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>Jeton d’accès&#xa0;:</translation>
    </message>
    <message>
        <source>Next refresh:</source>
        <translation>Prochaine actualisation&#xa0;:</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profil&#xa0;:</translation>
    </message>
    <message>
        <source>Switch &amp;organization:</source>
        <translation>Changer d’&amp;organisation&#xa0;:</translation>
    </message>
    <message>
        <source>Logged in as %1</source>
        <translation>Connecté en tant que %1</translation>
    </message>
    <message>
        <source>Impersonation: %1 is signed in as this user.</source>
        <translation>Usurpation d’identité&#xa0;: %1 est connecté en tant que cet utilisateur.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Motif&#xa0;: %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>%1 (role %2)</source>
        <translation>%1 (rôle %2)</translation>
    </message>
    <message>
        <source>none yet (offline); retrying</source>
        <translation>aucun pour l’instant (hors ligne)&#xa0;; nouvel essai</translation>
    </message>
    <message>
        <source>expires in %1</source>
        <translation>expire dans %1</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expiré</translation>
    </message>
    <message>
        <source>refreshing now…</source>
        <translation>actualisation en cours…</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>non planifiée</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>dans %1</translation>
    </message>
</context>
<context>
    <name>authkit::AuthSession</name>
    <message>
        <source>No way to show the sign-in page is set up.</source>
        <translation>Aucun moyen d’afficher la page de connexion n’est configuré.</translation>
    </message>
    <message>
        <source>Cannot receive the sign-in redirect on this computer.</source>
        <translation>Impossible de recevoir la redirection de connexion sur cet ordinateur.</translation>
    </message>
    <message>
        <source>The sign-in page answered with something this app cannot read.</source>
        <translation>La page de connexion a répondu par quelque chose que cette application ne peut pas lire.</translation>
    </message>
    <message>
        <source>The sign-in answer did not match this sign-in; try again.</source>
        <translation>La réponse de connexion ne correspond pas à cette connexion&#xa0;; réessayez.</translation>
    </message>
</context>
<context>
    <name>authkit::AuthState</name>
    <message>
        <source>No keychain is available, so this session is kept in memory only: you will need to sign in again after a restart.</source>
        <translation>Aucun trousseau n’est disponible&#xa0;: cette session est donc conservée en mémoire uniquement et vous devrez vous reconnecter après un redémarrage.</translation>
    </message>
</context>
<context>
    <name>authkit::CustomSchemeUserAgent</name>
    <message>
        <source>Could not open the web browser.</source>
        <translation>Impossible d’ouvrir le navigateur web.</translation>
    </message>
    <message>
        <source>No sign-in is waiting for this redirect; start the sign-in in the app again.</source>
        <translation>Aucune connexion n’attend cette redirection&#xa0;; relancez la connexion dans l’application.</translation>
    </message>
    <message>
        <source>This is not the app&apos;s sign-in redirect.</source>
        <translation>Ce n’est pas la redirection de connexion de l’application.</translation>
    </message>
    <message>
        <source>The redirect is too long to be a sign-in answer.</source>
        <translation>La redirection est trop longue pour être une réponse de connexion.</translation>
    </message>
    <message>
        <source>This redirect belongs to another sign-in; the one under way goes on.</source>
        <translation>Cette redirection appartient à une autre connexion&#xa0;; celle en cours continue.</translation>
    </message>
</context>
<context>
    <name>authkit::InitialsAvatar</name>
    <message>
        <source>Avatar: %1</source>
        <translation>Avatar&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>authkit::LoadingPage</name>
    <message>
        <source>Restoring your session…</source>
        <translation>Restauration de votre session…</translation>
    </message>
    <message>
        <source>Restoring your session</source>
        <translation>Restauration de votre session</translation>
    </message>
    <message>
        <source>Connecting to the backend…</source>
        <translation>Connexion au serveur…</translation>
    </message>
    <message>
        <source>Connecting to the backend</source>
        <translation>Connexion au serveur</translation>
    </message>
</context>
<context>
    <name>authkit::LoginPage</name>
    <message>
        <source>The sign-in answer did not come from the sign-in service, so it was ignored.</source>
        <translation>La réponse de connexion ne provient pas du service de connexion&#xa0;; elle a donc été ignorée.</translation>
    </message>
    <message>
        <source>The sign-in answer does not belong to this sign-in, so it was ignored.</source>
        <translation>La réponse de connexion n’appartient pas à cette connexion&#xa0;; elle a donc été ignorée.</translation>
    </message>
    <message>
        <source>Pop-up windows are not opened during sign-in.</source>
        <translation>Les fenêtres contextuelles ne sont pas ouvertes pendant la connexion.</translation>
    </message>
    <message>
        <source>The sign-in answer may only arrive in the page itself.</source>
        <translation>La réponse de connexion ne peut arriver que dans la page elle-même.</translation>
    </message>
    <message>
        <source>%1 is not encrypted, so it is not opened during sign-in.</source>
        <translation>%1 n’est pas chiffré&#xa0;; il n’est donc pas ouvert pendant la connexion.</translation>
    </message>
    <message>
        <source>%1 is not part of the sign-in, so it was not opened.</source>
        <translation>%1 ne fait pas partie de la connexion&#xa0;; il n’a donc pas été ouvert.</translation>
    </message>
    <message>
        <source>This kind of link is not opened during sign-in.</source>
        <translation>Ce type de lien n’est pas ouvert pendant la connexion.</translation>
    </message>
</context>
<context>
    <name>authkit::LoginProcessUserAgent</name>
    <message>
        <source>The sign-in window could not be opened. Try again, or use your browser instead.</source>
        <translation>La fenêtre de connexion n’a pas pu s’ouvrir. Réessayez, ou utilisez plutôt votre navigateur.</translation>
    </message>
    <message>
        <source>The sign-in window closed unexpectedly. Try again, or use your browser instead.</source>
        <translation>La fenêtre de connexion s’est fermée de façon inattendue. Réessayez, ou utilisez plutôt votre navigateur.</translation>
    </message>
</context>
<context>
    <name>authkit::LoginWindow</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Use my browser instead</source>
        <translation>Utiliser plutôt mon navigateur</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Sign-in page</source>
        <translation>Page de connexion</translation>
    </message>
    <message>
        <source>Address of the sign-in page</source>
        <translation>Adresse de la page de connexion</translation>
    </message>
    <message>
        <source>Page loading progress</source>
        <translation>Progression du chargement de la page</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Problème de connexion</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Annuler la connexion</translation>
    </message>
    <message>
        <source>Use my web browser instead</source>
        <translation>Utiliser plutôt mon navigateur web</translation>
    </message>
    <message>
        <source>Close this window and sign in with your usual web browser.</source>
        <translation>Fermez cette fenêtre et connectez-vous avec votre navigateur web habituel.</translation>
    </message>
    <message>
        <source>The identity of %1 could not be verified, so the page was not loaded. Check this computer&apos;s date and time and your network, or use your browser instead.</source>
        <translation>L’identité de %1 n’a pas pu être vérifiée&#xa0;; la page n’a donc pas été chargée. Vérifiez la date et l’heure de cet ordinateur ainsi que votre réseau, ou utilisez plutôt votre navigateur.</translation>
    </message>
    <message>
        <source>The sign-in page stopped working. Cancel and try again, or use your browser instead.</source>
        <translation>La page de connexion a cessé de fonctionner. Annulez et réessayez, ou utilisez plutôt votre navigateur.</translation>
    </message>
    <message>
        <source>The sign-in page could not be loaded. Check your network connection, or use your browser instead.</source>
        <translation>La page de connexion n’a pas pu être chargée. Vérifiez votre connexion réseau, ou utilisez plutôt votre navigateur.</translation>
    </message>
    <message>
        <source>Encrypted connection to %1</source>
        <translation>Connexion chiffrée à %1</translation>
    </message>
    <message>
        <source>%1 (this computer, not encrypted)</source>
        <translation>%1 (cet ordinateur, non chiffré)</translation>
    </message>
    <message>
        <source>Unencrypted connection to this computer</source>
        <translation>Connexion non chiffrée à cet ordinateur</translation>
    </message>
    <message>
        <source>%1 (not encrypted)</source>
        <translation>%1 (non chiffré)</translation>
    </message>
    <message>
        <source>Unencrypted connection</source>
        <translation>Connexion non chiffrée</translation>
    </message>
</context>
<context>
    <name>authkit::LoopbackUserAgent</name>
    <message>
        <source>Could not open the web browser.</source>
        <translation>Impossible d’ouvrir le navigateur web.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Introuvable</translation>
    </message>
    <message>
        <source>Sign-in did not complete</source>
        <translation>La connexion n’a pas abouti</translation>
    </message>
    <message>
        <source>Return to the application for details.</source>
        <translation>Revenez à l’application pour plus de détails.</translation>
    </message>
    <message>
        <source>You are signed in</source>
        <translation>Vous êtes connecté</translation>
    </message>
    <message>
        <source>You can close this tab and return to the application.</source>
        <translation>Vous pouvez fermer cet onglet et revenir à l’application.</translation>
    </message>
    <message>
        <source>Sign-in was cancelled</source>
        <translation>La connexion a été annulée</translation>
    </message>
    <message>
        <source>Method not allowed</source>
        <translation>Méthode non autorisée</translation>
    </message>
</context>
<context>
    <name>authkit::MemorySecretStore</name>
    <message>
        <source>memory only</source>
        <translation>en mémoire uniquement</translation>
    </message>
</context>
<context>
    <name>authkit::SignedOutPage</name>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>Try the backend again</source>
        <translation>Réessayer avec le serveur</translation>
    </message>
    <message>
        <source>Send the sign-in to the Convex backend again</source>
        <translation>Renvoyer la connexion au serveur Convex</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>The backend did not accept your sign-in</source>
        <translation>Le serveur n’a pas accepté votre connexion</translation>
    </message>
    <message>
        <source>Signed in to WorkOS as %1, but the Convex backend did not accept the token.</source>
        <translation>Connecté à WorkOS en tant que %1, mais le serveur Convex n’a pas accepté le jeton.</translation>
    </message>
    <message>
        <source>Signed in to WorkOS as %1, but the Convex backend did not accept the token: %2</source>
        <translation>Connecté à WorkOS en tant que %1, mais le serveur Convex n’a pas accepté le jeton&#xa0;: %2</translation>
    </message>
    <message>
        <source>Check that the deployment&apos;s auth configuration lists this client ID and issuer, then try again, or sign out.</source>
        <translation>Vérifiez que la configuration d’authentification du déploiement mentionne cet ID client et cet émetteur, puis réessayez, ou déconnectez-vous.</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Se connecter</translation>
    </message>
    <message>
        <source>Create &amp;account</source>
        <translation>Créer un &amp;compte</translation>
    </message>
    <message>
        <source>&amp;Cancel sign-in</source>
        <translation>&amp;Annuler la connexion</translation>
    </message>
    <message>
        <source>You are signed out</source>
        <translation>Vous êtes déconnecté</translation>
    </message>
    <message>
        <source>Sign in with your AuthKit account, or create one. The sign-in page opens in its own window.</source>
        <translation>Connectez-vous avec votre compte AuthKit, ou créez-en un. La page de connexion s’ouvre dans sa propre fenêtre.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Open the AuthKit sign-in page</source>
        <translation>Ouvrir la page de connexion AuthKit</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Créer un compte</translation>
    </message>
    <message>
        <source>Open the AuthKit sign-up page</source>
        <translation>Ouvrir la page d’inscription AuthKit</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Annuler la connexion</translation>
    </message>
    <message>
        <source>Finish signing in in the sign-in window, or in your browser.</source>
        <translation>Terminez la connexion dans la fenêtre de connexion ou dans votre navigateur.</translation>
    </message>
    <message>
        <source>Profile in use</source>
        <translation>Profil utilisé</translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>Non connecté&#xa0;: %1</translation>
    </message>
</context>
</TS>
