<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AuthKitApi</name>
    <message>
        <source>Cannot reach WorkOS: %1</source>
        <translation>No se puede conectar con WorkOS: %1</translation>
    </message>
    <message>
        <source>WorkOS did not answer in time.</source>
        <translation>WorkOS no respondió a tiempo.</translation>
    </message>
    <message>
        <source>WorkOS sent a response this app cannot read: %1</source>
        <translation>WorkOS envió una respuesta que esta aplicación no puede leer: %1</translation>
    </message>
    <message>
        <source>Too many requests to WorkOS; trying again shortly.</source>
        <translation>Demasiadas solicitudes a WorkOS; se volverá a intentar en breve.</translation>
    </message>
    <message>
        <source>WorkOS is having trouble (HTTP %1); trying again shortly.</source>
        <translation>WorkOS tiene problemas (HTTP %1); se volverá a intentar en breve.</translation>
    </message>
    <message>
        <source>WorkOS refused the request (HTTP %1 %2).</source>
        <translation>WorkOS rechazó la solicitud (HTTP %1 %2).</translation>
    </message>
    <message>
        <source>the response lacks the user or the tokens</source>
        <translation>a la respuesta le faltan el usuario o los tokens</translation>
    </message>
    <message>
        <source>its refresh token was already used (by another program with this session, or a reply that was lost on the way)</source>
        <translation>su token de actualización ya se usó (otro programa con esta sesión, o una respuesta que se perdió por el camino)</translation>
    </message>
    <message>
        <source>it expired</source>
        <translation>caducó</translation>
    </message>
    <message>
        <source>it was signed out or revoked</source>
        <translation>se cerró o se revocó</translation>
    </message>
    <message>
        <source>WorkOS no longer accepts it</source>
        <translation>WorkOS ya no la acepta</translation>
    </message>
    <message>
        <source>Your session has ended: %1. Please sign in again.</source>
        <translation>Su sesión ha finalizado: %1. Vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>Your session has ended: %1 (%2). Please sign in again.</source>
        <translation>Su sesión ha finalizado: %1 (%2). Vuelva a iniciar sesión.</translation>
    </message>
</context>
<context>
    <name>AuthKitConfig</name>
    <message>
        <source>The client ID is an API key (sk_…). A desktop app is a public client: use the environment&apos;s client ID (client_…) and never ship an API key.</source>
        <translation>El ID de cliente es una clave de API (sk_…). Una aplicación de escritorio es un cliente público: use el ID de cliente del entorno (client_…) y nunca distribuya una clave de API.</translation>
    </message>
    <message>
        <source>No client ID: set one with --client-id, WORKOS_CLIENT_ID or the profile&apos;s settings.</source>
        <translation>No hay ID de cliente: indique uno con --client-id, WORKOS_CLIENT_ID o la configuración del perfil.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a WorkOS client ID (client_ followed by 26 letters and digits).</source>
        <translation>«%1» no es un ID de cliente de WorkOS (client_ seguido de 26 letras y dígitos).</translation>
    </message>
    <message>
        <source>The API base URL must be an https:// URL (or http:// on 127.0.0.1 for the emulator); got &quot;%1&quot;.</source>
        <translation>La URL base de la API debe ser una URL https:// (o http:// en 127.0.0.1 para el emulador); se recibió «%1».</translation>
    </message>
    <message>
        <source>The API base URL must not carry credentials or a query.</source>
        <translation>La URL base de la API no debe contener credenciales ni una consulta.</translation>
    </message>
    <message>
        <source>The redirect URI &quot;%1&quot; is not a valid URL.</source>
        <translation>El URI de redirección «%1» no es una URL válida.</translation>
    </message>
    <message>
        <source>An http redirect URI must be a loopback address (http://127.0.0.1/…).</source>
        <translation>Un URI de redirección http debe ser una dirección de bucle invertido (http://127.0.0.1/…).</translation>
    </message>
    <message>
        <source>At least one accepted token issuer is needed.</source>
        <translation>Se necesita al menos un emisor de tokens aceptado.</translation>
    </message>
    <message>
        <source>The sign-out return URI is not a valid URL.</source>
        <translation>El URI de retorno tras cerrar sesión no es una URL válida.</translation>
    </message>
    <message>
        <source>The Convex URL must be an https:// URL (or http:// on 127.0.0.1).</source>
        <translation>La URL de Convex debe ser una URL https:// (o http:// en 127.0.0.1).</translation>
    </message>
</context>
<context>
    <name>ConfigLoader</name>
    <message>
        <source>--project: &quot;%1&quot; is not a folder.</source>
        <translation>--project: «%1» no es una carpeta.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a profile name (lower-case letters, digits, - and _).</source>
        <translation>«%1» no es un nombre de perfil (letras minúsculas, dígitos, - y _).</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>No se puede escribir %1.</translation>
    </message>
    <message>
        <source>--project: no .env.local, .env or convex.json in &quot;%1&quot;.</source>
        <translation>--project: no hay .env.local, .env ni convex.json en «%1».</translation>
    </message>
    <message>
        <source>--project: &quot;%1&quot; names no WORKOS_CLIENT_ID, CONVEX_URL or redirect URI this app can receive.</source>
        <translation>--project: «%1» no indica WORKOS_CLIENT_ID, CONVEX_URL ni una URI de redirección que esta aplicación pueda recibir.</translation>
    </message>
</context>
<context>
    <name>ConvexAuthKitSection</name>
    <message>
        <source>line %1, column %2</source>
        <translation>línea %1, columna %2</translation>
    </message>
    <message>
        <source>convex.json: %1 &quot;%2&quot; left out: its template is not set in the environment</source>
        <translation>convex.json: %1 «%2» omitido: su variable de plantilla no está definida en el entorno</translation>
    </message>
    <message>
        <source>convex.json: %1.%2 must be a list of strings</source>
        <translation>convex.json: %1.%2 debe ser una lista de cadenas</translation>
    </message>
    <message>
        <source>convex.json is not valid JSON: %1 at %2</source>
        <translation>convex.json no es JSON válido: %1 en %2</translation>
    </message>
    <message>
        <source>convex.json must be a JSON object</source>
        <translation>convex.json debe ser un objeto JSON</translation>
    </message>
    <message>
        <source>convex.json: authKit and %1 must be objects</source>
        <translation>convex.json: authKit y %1 deben ser objetos</translation>
    </message>
    <message>
        <source>convex.json: %1.appHomepageUrl must be a string</source>
        <translation>convex.json: %1.appHomepageUrl debe ser una cadena</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>no se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1 is larger than %2 bytes</source>
        <translation>%1 ocupa más de %2 bytes</translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <source>Already started.</source>
        <translation>Ya está iniciado.</translation>
    </message>
    <message>
        <source>Cannot start the local AuthKit emulator: %1</source>
        <translation>No se puede iniciar el emulador local de AuthKit: %1</translation>
    </message>
</context>
<context>
    <name>DesktopCommandLine</name>
    <message>
        <source>Profile: local, development, production.</source>
        <translation>Perfil: local, development, production.</translation>
    </message>
    <message>
        <source>WorkOS client ID (client_…).</source>
        <translation>ID de cliente de WorkOS (client_…).</translation>
    </message>
    <message>
        <source>WorkOS API base URL (a custom auth domain, or a running emulator).</source>
        <translation>URL base de la API de WorkOS (un dominio de autenticación personalizado o un emulador en ejecución).</translation>
    </message>
    <message>
        <source>Redirect URI registered with WorkOS (default http://127.0.0.1/callback; the sign-in window catches it, the browser fallback listens on a free port; production, installed with its .desktop file: authkit-desktop://callback, through the system browser).</source>
        <translation>URI de redirección registrado en WorkOS (por defecto http://127.0.0.1/callback; la ventana de inicio de sesión lo captura y el navegador alternativo escucha en un puerto libre; en producción, instalada con su archivo .desktop: authkit-desktop://callback, mediante el navegador del sistema).</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot; (see --help).</source>
        <translation>Argumento inesperado «%1» (consulte --help).</translation>
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
        <translation>Inicia sesión en WorkOS AuthKit en una ventana de Qt WebEngine; las vistas siguen el estado de la sesión.

Sin opciones, usa el perfil elegido en Archivo &gt; Configuración (al principio: local).
El perfil local inicia authkit-emulator ($AUTHKIT_EMULATOR o, si no, el que está a su lado)
en un puerto libre de 127.0.0.1 y lo detiene al salir; guarda su clave y sus sesiones en la
carpeta de datos de la aplicación. Usuarios de ejemplo (contraseña
&quot;password&quot;): ada@example.com, grace@example.com, alan@example.com (TOTP),
katherine@example.com. Con --api-base-url, el perfil local usa ese emulador en su lugar.
Los perfiles development y production inician sesión en WorkOS, con sus ID de cliente.
La configuración procede de las opciones, luego de WORKOS_CLIENT_ID, WORKOS_API_HOSTNAME
(+ WORKOS_API_HTTPS, WORKOS_API_PORT), WORKOS_REDIRECT_URI, WORKOS_ISSUER, luego de
~/.config/AuthKitQt/profiles.ini (lo que edita Archivo &gt; Configuración) y luego de --project.

La sesión se guarda en el llavero del sistema (Secret Service) y se restaura al iniciar, sin
ventana de inicio de sesión; sin llavero, solo se conserva en memoria, y la ventana lo indica.
Se ejecuta una instancia por usuario y carpeta de datos: al iniciarla de nuevo, la ventana en
ejecución pasa al primer plano (el proceso nuevo termina con 0).
Los cambios de estado se registran en stderr, categoría authkit.desktop, con nivel info:
&quot;state: loading&quot;, &quot;state: signed-out&quot;, &quot;state: signed-in &lt;email&gt;&quot;.</translation>
    </message>
    <message>
        <source>Start signing in at once when no stored session is restored.</source>
        <translation>Empezar a iniciar sesión en seguida si no se restaura ninguna sesión guardada.</translation>
    </message>
    <message>
        <source>An authkit-desktop:// sign-in redirect, handed to the running app (what the browser opens).</source>
        <translation>Una redirección de inicio de sesión authkit-desktop://, entregada a la aplicación en ejecución (lo que abre el navegador).</translation>
    </message>
    <message>
        <source>A Convex web project: WORKOS_CLIENT_ID, CONVEX_URL and the redirect URI from .env.local, and convex.json&apos;s authKit redirectUris; the redirect URI is the first this app can receive (loopback, or authkit-desktop:// when production uses the scheme).</source>
        <translation>Un proyecto web de Convex: WORKOS_CLIENT_ID, CONVEX_URL y la URI de redirección de .env.local, y las redirectUris de authKit en convex.json; la URI de redirección es la primera que esta aplicación puede recibir (loopback, o authkit-desktop:// cuando producción usa el esquema).</translation>
    </message>
</context>
<context>
    <name>JwksCache</name>
    <message>
        <source>no usable signing key</source>
        <translation>no hay ninguna clave de firma utilizable</translation>
    </message>
    <message>
        <source>WorkOS signed the token with a key it does not publish yet; trying again shortly.</source>
        <translation>WorkOS firmó el token con una clave que aún no publica; se volverá a intentar en breve.</translation>
    </message>
    <message>
        <source>Cannot get WorkOS&apos;s signing keys (%1); trying again shortly.</source>
        <translation>No se pueden obtener las claves de firma de WorkOS (%1); se volverá a intentar en breve.</translation>
    </message>
</context>
<context>
    <name>LocalEmulatorProcess</name>
    <message>
        <source>The local AuthKit emulator stopped unexpectedly.</source>
        <translation>El emulador local de AuthKit se detuvo de forma inesperada.</translation>
    </message>
    <message>
        <source>The local AuthKit emulator exited with code %1.</source>
        <translation>El emulador local de AuthKit terminó con el código %1.</translation>
    </message>
    <message>
        <source>authkit-emulator was not found next to %1; install it there, or name it in the %2 environment variable, or start one and pass --api-base-url.</source>
        <translation>No se encontró authkit-emulator junto a %1; instálelo allí, indíquelo en la variable de entorno %2, o inicie uno y pase --api-base-url.</translation>
    </message>
    <message>
        <source>Cannot run %1: %2</source>
        <translation>No se puede ejecutar %1: %2</translation>
    </message>
    <message>
        <source>The local AuthKit emulator exited before it was ready: %1</source>
        <translation>El emulador local de AuthKit terminó antes de estar listo: %1</translation>
    </message>
    <message>
        <source>The local AuthKit emulator did not say it was ready within %1 seconds.</source>
        <translation>El emulador local de AuthKit no indicó que estaba listo en %1 segundos.</translation>
    </message>
    <message>
        <source>The local AuthKit emulator&apos;s ready line cannot be read (an older authkit-emulator?).</source>
        <translation>No se puede leer la línea de «listo» del emulador local de AuthKit (¿un authkit-emulator más antiguo?).</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>código de salida %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Profile: %1</source>
        <translation>Perfil: %1</translation>
    </message>
    <message>
        <source>AuthKit Desktop — %1</source>
        <translation>AuthKit Desktop — %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About AuthKit Desktop</source>
        <translation>&amp;Acerca de AuthKit Desktop</translation>
    </message>
    <message>
        <source>Profile %1 at %2</source>
        <translation>Perfil %1 en %2</translation>
    </message>
    <message>
        <source>%1 (%2), client %3</source>
        <translation>%1 (%2), cliente %3</translation>
    </message>
    <message>
        <source>Settings saved. Profile %1 is used the next time authkit-desktop starts.</source>
        <translation>Configuración guardada. El perfil %1 se usará la próxima vez que se inicie authkit-desktop.</translation>
    </message>
    <message>
        <source>About AuthKit Desktop</source>
        <translation>Acerca de AuthKit Desktop</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;AuthKit Desktop&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Signs in with WorkOS AuthKit in a Qt WebEngine window and shows views that follow the sign-in state. The session is kept in the OS keychain.&lt;/p&gt;&lt;p&gt;Profile: %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;AuthKit Desktop&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Inicia sesión con WorkOS AuthKit en una ventana de Qt WebEngine y muestra vistas que siguen el estado de la sesión. La sesión se guarda en el llavero del sistema.&lt;/p&gt;&lt;p&gt;Perfil: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Local AuthKit emulator started by this app at %1</source>
        <translation>Emulador local de AuthKit iniciado por esta aplicación en %1</translation>
    </message>
    <message>
        <source>local (the AuthKit emulator started by this app), client %1</source>
        <translation>local (el emulador de AuthKit que inicia esta aplicación), cliente %1</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (usted)</translation>
    </message>
</context>
<context>
    <name>MessageListModel</name>
    <message>
        <source>%1 wrote: %2</source>
        <translation>%1 escribió: %2</translation>
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
        <translation>&amp;Enviar</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Identity seen by the backend</source>
        <translation>Identidad que ve el backend</translation>
    </message>
    <message>
        <source>Asking the backend who you are…</source>
        <translation>Preguntando al backend quién es usted…</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>Mensaje nuevo</translation>
    </message>
    <message>
        <source>Write a message</source>
        <translation>Escriba un mensaje</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Enviar mensaje</translation>
    </message>
    <message>
        <source>Messages error</source>
        <translation>Error de mensajes</translation>
    </message>
    <message>
        <source>Messages (Convex)</source>
        <translation>Mensajes (Convex)</translation>
    </message>
    <message>
        <source>The backend could not say who you are: %1</source>
        <translation>El backend no pudo determinar quién es usted: %1</translation>
    </message>
    <message>
        <source>Cannot load the messages: %1</source>
        <translation>No se pueden cargar los mensajes: %1</translation>
    </message>
    <message>
        <source>Cannot send the message: %1</source>
        <translation>No se puede enviar el mensaje: %1</translation>
    </message>
    <message>
        <source>The backend sees no signed-in user.</source>
        <translation>El backend no ve ningún usuario con sesión iniciada.</translation>
    </message>
    <message>
        <source>Backend identity: %1</source>
        <translation>Identidad en el backend: %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Sujeto: %1</translation>
    </message>
    <message>
        <source>Issuer: %1</source>
        <translation>Emisor: %1</translation>
    </message>
    <message>
        <source>Email: %1</source>
        <translation>Correo electrónico: %1</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Nombre: %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>already running; its window was brought to the front</source>
        <translation>ya está en ejecución; su ventana se ha traído al primer plano</translation>
    </message>
    <message>
        <source>the options of this launch were not applied; quit the running app to start with them</source>
        <translation>no se aplicaron las opciones de este inicio; cierre la aplicación en ejecución para iniciarla con ellas</translation>
    </message>
    <message>
        <source>AuthKit Desktop</source>
        <translation>AuthKit Desktop</translation>
    </message>
    <message>
        <source>the sign-in was handed to the running app</source>
        <translation>el inicio de sesión se entregó a la aplicación en ejecución</translation>
    </message>
    <message>
        <source>the running app refused the sign-in redirect: %1</source>
        <translation>la aplicación en ejecución rechazó la redirección de inicio de sesión: %1</translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message>
        <source>just now</source>
        <translation>ahora mismo</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <comment>minutes</comment>
        <translation>
            <numerusform>hace %n min</numerusform>
            <numerusform>hace %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <comment>hours</comment>
        <translation>
            <numerusform>hace %n h</numerusform>
            <numerusform>hace %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d ago</source>
        <comment>days</comment>
        <translation>
            <numerusform>hace %n día</numerusform>
            <numerusform>hace %n días</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionStore</name>
    <message>
        <source>The session is too large to store (%1 bytes, at most %2).</source>
        <translation>La sesión es demasiado grande para guardarla (%1 bytes, como máximo %2).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Profile to edit</source>
        <translation>Perfil que se va a editar</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>ID de cliente</translation>
    </message>
    <message>
        <source>client_… (the environment&apos;s client ID, never an sk_ key)</source>
        <translation>client_… (el ID de cliente del entorno, nunca una clave sk_)</translation>
    </message>
    <message>
        <source>API base URL</source>
        <translation>URL base de la API</translation>
    </message>
    <message>
        <source>Redirect URI</source>
        <translation>URI de redirección</translation>
    </message>
    <message>
        <source>Accepted issuers</source>
        <translation>Emisores aceptados</translation>
    </message>
    <message>
        <source>One per line. Empty: WorkOS&apos;s issuers for this client ID and API URL.</source>
        <translation>Uno por línea. Vacío: los emisores de WorkOS para este ID de cliente y esta URL de API.</translation>
    </message>
    <message>
        <source>Profile used at start</source>
        <translation>Perfil usado al iniciar</translation>
    </message>
    <message>
        <source>The local profile signs in against the emulator the app starts itself; its address is chosen at each start.</source>
        <translation>El perfil local inicia sesión en el emulador que la propia aplicación inicia; su dirección se elige en cada inicio.</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Perfil:</translation>
    </message>
    <message>
        <source>&amp;Client ID:</source>
        <translation>ID de &amp;cliente:</translation>
    </message>
    <message>
        <source>&amp;API base URL:</source>
        <translation>URL base de la &amp;API:</translation>
    </message>
    <message>
        <source>&amp;Redirect URI:</source>
        <translation>URI de &amp;redirección:</translation>
    </message>
    <message>
        <source>&amp;Issuers:</source>
        <translation>&amp;Emisores:</translation>
    </message>
    <message>
        <source>&amp;Use at start:</source>
        <translation>&amp;Usar al iniciar:</translation>
    </message>
    <message>
        <source>Profiles are read when the app starts: changes, and the profile used, apply the next time authkit-desktop starts. In use now: %1.</source>
        <translation>Los perfiles se leen al iniciar la aplicación: los cambios, y el perfil usado, se aplican la próxima vez que se inicie authkit-desktop. En uso ahora: %1.</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Guardar la configuración</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Profile %1: %2</source>
        <translation>Perfil %1: %2</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>&amp;Language (at the next start):</source>
        <translation>&amp;Idioma (en el próximo inicio):</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>Cannot take the lock %1</source>
        <translation>No se puede obtener el bloqueo %1</translation>
    </message>
    <message>
        <source>The running authkit-desktop did not answer: %1</source>
        <translation>El authkit-desktop en ejecución no respondió: %1</translation>
    </message>
    <message>
        <source>Cannot listen for other launches: %1</source>
        <translation>No se puede escuchar otros inicios: %1</translation>
    </message>
</context>
<context>
    <name>TokenManager</name>
    <message>
        <source>Not signed in.</source>
        <translation>No ha iniciado sesión.</translation>
    </message>
    <message>
        <source>the access token failed verification: %1</source>
        <translation>el token de acceso no superó la verificación: %1</translation>
    </message>
    <message>
        <source>another process is refreshing this session and has not finished</source>
        <translation>otro proceso está actualizando esta sesión y no ha terminado</translation>
    </message>
    <message>
        <source>You were signed out by another program using this account on this computer.</source>
        <translation>Otro programa que usa esta cuenta en este equipo cerró su sesión.</translation>
    </message>
</context>
<context>
    <name>authkit::AccountPage</name>
    <message>
        <source>S&amp;witch</source>
        <translation>Ca&amp;mbiar</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Cerrar &amp;sesión</translation>
    </message>
    <message>
        <source>Impersonation warning</source>
        <translation>Aviso de suplantación</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Switch organization</source>
        <translation>Cambiar de organización</translation>
    </message>
    <message>
        <source>Organization to switch to</source>
        <translation>Organización a la que cambiar</translation>
    </message>
    <message>
        <source>org_…</source>
        <translation>org_…</translation>
    </message>
    <message>
        <source>Organization:</source>
        <translation>Organización:</translation>
    </message>
    <message>
        <source>Permissions:</source>
        <translation>Permisos:</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>Token de acceso:</translation>
    </message>
    <message>
        <source>Next refresh:</source>
        <translation>Próxima actualización:</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Perfil:</translation>
    </message>
    <message>
        <source>Switch &amp;organization:</source>
        <translation>Cambiar de &amp;organización:</translation>
    </message>
    <message>
        <source>Logged in as %1</source>
        <translation>Sesión iniciada como %1</translation>
    </message>
    <message>
        <source>Impersonation: %1 is signed in as this user.</source>
        <translation>Suplantación: %1 ha iniciado sesión como este usuario.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Motivo: %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>%1 (role %2)</source>
        <translation>%1 (rol %2)</translation>
    </message>
    <message>
        <source>none yet (offline); retrying</source>
        <translation>ninguno todavía (sin conexión); reintentando</translation>
    </message>
    <message>
        <source>expires in %1</source>
        <translation>caduca en %1</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>caducado</translation>
    </message>
    <message>
        <source>refreshing now…</source>
        <translation>actualizando ahora…</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>no programada</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>en %1</translation>
    </message>
</context>
<context>
    <name>authkit::AuthSession</name>
    <message>
        <source>No way to show the sign-in page is set up.</source>
        <translation>No hay configurada ninguna forma de mostrar la página de inicio de sesión.</translation>
    </message>
    <message>
        <source>Cannot receive the sign-in redirect on this computer.</source>
        <translation>No se puede recibir la redirección del inicio de sesión en este equipo.</translation>
    </message>
    <message>
        <source>The sign-in page answered with something this app cannot read.</source>
        <translation>La página de inicio de sesión respondió con algo que esta aplicación no puede leer.</translation>
    </message>
    <message>
        <source>The sign-in answer did not match this sign-in; try again.</source>
        <translation>La respuesta del inicio de sesión no corresponde a este inicio de sesión; inténtelo de nuevo.</translation>
    </message>
</context>
<context>
    <name>authkit::AuthState</name>
    <message>
        <source>No keychain is available, so this session is kept in memory only: you will need to sign in again after a restart.</source>
        <translation>No hay ningún llavero disponible, así que esta sesión solo se conserva en memoria: tendrá que volver a iniciar sesión después de reiniciar.</translation>
    </message>
</context>
<context>
    <name>authkit::CustomSchemeUserAgent</name>
    <message>
        <source>Could not open the web browser.</source>
        <translation>No se pudo abrir el navegador web.</translation>
    </message>
    <message>
        <source>No sign-in is waiting for this redirect; start the sign-in in the app again.</source>
        <translation>Ningún inicio de sesión espera esta redirección; vuelva a iniciar sesión desde la aplicación.</translation>
    </message>
    <message>
        <source>This is not the app&apos;s sign-in redirect.</source>
        <translation>Esta no es la redirección de inicio de sesión de la aplicación.</translation>
    </message>
    <message>
        <source>The redirect is too long to be a sign-in answer.</source>
        <translation>La redirección es demasiado larga para ser una respuesta de inicio de sesión.</translation>
    </message>
    <message>
        <source>This redirect belongs to another sign-in; the one under way goes on.</source>
        <translation>Esta redirección pertenece a otro inicio de sesión; el que está en curso continúa.</translation>
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
        <translation>Restaurando su sesión…</translation>
    </message>
    <message>
        <source>Restoring your session</source>
        <translation>Restaurando su sesión</translation>
    </message>
    <message>
        <source>Connecting to the backend…</source>
        <translation>Conectando con el backend…</translation>
    </message>
    <message>
        <source>Connecting to the backend</source>
        <translation>Conectando con el backend</translation>
    </message>
</context>
<context>
    <name>authkit::LoginPage</name>
    <message>
        <source>The sign-in answer did not come from the sign-in service, so it was ignored.</source>
        <translation>La respuesta del inicio de sesión no procede del servicio de inicio de sesión, así que se ha ignorado.</translation>
    </message>
    <message>
        <source>The sign-in answer does not belong to this sign-in, so it was ignored.</source>
        <translation>La respuesta del inicio de sesión no pertenece a este inicio de sesión, así que se ha ignorado.</translation>
    </message>
    <message>
        <source>Pop-up windows are not opened during sign-in.</source>
        <translation>Durante el inicio de sesión no se abren ventanas emergentes.</translation>
    </message>
    <message>
        <source>The sign-in answer may only arrive in the page itself.</source>
        <translation>La respuesta del inicio de sesión solo puede llegar en la propia página.</translation>
    </message>
    <message>
        <source>%1 is not encrypted, so it is not opened during sign-in.</source>
        <translation>%1 no está cifrado, así que no se abre durante el inicio de sesión.</translation>
    </message>
    <message>
        <source>%1 is not part of the sign-in, so it was not opened.</source>
        <translation>%1 no forma parte del inicio de sesión, así que no se ha abierto.</translation>
    </message>
    <message>
        <source>This kind of link is not opened during sign-in.</source>
        <translation>Este tipo de enlace no se abre durante el inicio de sesión.</translation>
    </message>
</context>
<context>
    <name>authkit::LoginProcessUserAgent</name>
    <message>
        <source>The sign-in window could not be opened. Try again, or use your browser instead.</source>
        <translation>No se pudo abrir la ventana de inicio de sesión. Inténtelo de nuevo, o use su navegador.</translation>
    </message>
    <message>
        <source>The sign-in window closed unexpectedly. Try again, or use your browser instead.</source>
        <translation>La ventana de inicio de sesión se cerró inesperadamente. Inténtelo de nuevo, o use su navegador.</translation>
    </message>
</context>
<context>
    <name>authkit::LoginWindow</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Use my browser instead</source>
        <translation>Usar mi navegador</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Sign-in page</source>
        <translation>Página de inicio de sesión</translation>
    </message>
    <message>
        <source>Address of the sign-in page</source>
        <translation>Dirección de la página de inicio de sesión</translation>
    </message>
    <message>
        <source>Page loading progress</source>
        <translation>Progreso de carga de la página</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Problema al iniciar sesión</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Cancelar el inicio de sesión</translation>
    </message>
    <message>
        <source>Use my web browser instead</source>
        <translation>Usar mi navegador web</translation>
    </message>
    <message>
        <source>Close this window and sign in with your usual web browser.</source>
        <translation>Cierre esta ventana e inicie sesión con su navegador web habitual.</translation>
    </message>
    <message>
        <source>The identity of %1 could not be verified, so the page was not loaded. Check this computer&apos;s date and time and your network, or use your browser instead.</source>
        <translation>No se pudo verificar la identidad de %1, así que no se cargó la página. Compruebe la fecha y la hora de este equipo y su red, o use su navegador.</translation>
    </message>
    <message>
        <source>The sign-in page stopped working. Cancel and try again, or use your browser instead.</source>
        <translation>La página de inicio de sesión dejó de funcionar. Cancele e inténtelo de nuevo, o use su navegador.</translation>
    </message>
    <message>
        <source>The sign-in page could not be loaded. Check your network connection, or use your browser instead.</source>
        <translation>No se pudo cargar la página de inicio de sesión. Compruebe su conexión de red, o use su navegador.</translation>
    </message>
    <message>
        <source>Encrypted connection to %1</source>
        <translation>Conexión cifrada con %1</translation>
    </message>
    <message>
        <source>%1 (this computer, not encrypted)</source>
        <translation>%1 (este equipo, sin cifrar)</translation>
    </message>
    <message>
        <source>Unencrypted connection to this computer</source>
        <translation>Conexión sin cifrar con este equipo</translation>
    </message>
    <message>
        <source>%1 (not encrypted)</source>
        <translation>%1 (sin cifrar)</translation>
    </message>
    <message>
        <source>Unencrypted connection</source>
        <translation>Conexión sin cifrar</translation>
    </message>
</context>
<context>
    <name>authkit::LoopbackUserAgent</name>
    <message>
        <source>Could not open the web browser.</source>
        <translation>No se pudo abrir el navegador web.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>No encontrado</translation>
    </message>
    <message>
        <source>Sign-in did not complete</source>
        <translation>El inicio de sesión no se completó</translation>
    </message>
    <message>
        <source>Return to the application for details.</source>
        <translation>Vuelva a la aplicación para ver los detalles.</translation>
    </message>
    <message>
        <source>You are signed in</source>
        <translation>Ha iniciado sesión</translation>
    </message>
    <message>
        <source>You can close this tab and return to the application.</source>
        <translation>Puede cerrar esta pestaña y volver a la aplicación.</translation>
    </message>
    <message>
        <source>Sign-in was cancelled</source>
        <translation>Se canceló el inicio de sesión</translation>
    </message>
    <message>
        <source>Method not allowed</source>
        <translation>Método no permitido</translation>
    </message>
</context>
<context>
    <name>authkit::MemorySecretStore</name>
    <message>
        <source>memory only</source>
        <translation>solo en memoria</translation>
    </message>
</context>
<context>
    <name>authkit::SignedOutPage</name>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Cerrar &amp;sesión</translation>
    </message>
    <message>
        <source>Try the backend again</source>
        <translation>Reintentar con el backend</translation>
    </message>
    <message>
        <source>Send the sign-in to the Convex backend again</source>
        <translation>Enviar de nuevo el inicio de sesión al backend de Convex</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>The backend did not accept your sign-in</source>
        <translation>El backend no aceptó su inicio de sesión</translation>
    </message>
    <message>
        <source>Signed in to WorkOS as %1, but the Convex backend did not accept the token.</source>
        <translation>Sesión iniciada en WorkOS como %1, pero el backend de Convex no aceptó el token.</translation>
    </message>
    <message>
        <source>Signed in to WorkOS as %1, but the Convex backend did not accept the token: %2</source>
        <translation>Sesión iniciada en WorkOS como %1, pero el backend de Convex no aceptó el token: %2</translation>
    </message>
    <message>
        <source>Check that the deployment&apos;s auth configuration lists this client ID and issuer, then try again, or sign out.</source>
        <translation>Compruebe que la configuración de autenticación del despliegue incluye este ID de cliente y este emisor y vuelva a intentarlo, o cierre la sesión.</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <source>Create &amp;account</source>
        <translation>Crear &amp;cuenta</translation>
    </message>
    <message>
        <source>&amp;Cancel sign-in</source>
        <translation>&amp;Cancelar el inicio de sesión</translation>
    </message>
    <message>
        <source>You are signed out</source>
        <translation>Ha cerrado la sesión</translation>
    </message>
    <message>
        <source>Sign in with your AuthKit account, or create one. The sign-in page opens in its own window.</source>
        <translation>Inicie sesión con su cuenta de AuthKit o cree una. La página de inicio de sesión se abre en su propia ventana.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Open the AuthKit sign-in page</source>
        <translation>Abrir la página de inicio de sesión de AuthKit</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Crear cuenta</translation>
    </message>
    <message>
        <source>Open the AuthKit sign-up page</source>
        <translation>Abrir la página de registro de AuthKit</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Cancelar el inicio de sesión</translation>
    </message>
    <message>
        <source>Finish signing in in the sign-in window, or in your browser.</source>
        <translation>Termine de iniciar sesión en la ventana de inicio de sesión o en su navegador.</translation>
    </message>
    <message>
        <source>Profile in use</source>
        <translation>Perfil en uso</translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>No ha iniciado sesión: %1</translation>
    </message>
</context>
</TS>
