<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>HostedPages</name>
    <message>
        <source>No messages yet.</source>
        <translation>Todavía no hay mensajes.</translation>
    </message>
    <message>
        <source>Dev inbox</source>
        <translation>Bandeja de entrada de desarrollo</translation>
    </message>
    <message>
        <source>AuthKit emulator</source>
        <translation>Emulador de AuthKit</translation>
    </message>
    <message>
        <source>We sent a 6-digit code to %1. It is valid for 10 minutes.</source>
        <translation>Hemos enviado un código de 6 dígitos a %1. Es válido durante 10 minutos.</translation>
    </message>
    <message>
        <source>%1 wants to sign you in with your %2 account.</source>
        <translation>%1 quiere iniciar su sesión con su cuenta de %2.</translation>
    </message>
    <message>
        <source>%1 account email</source>
        <translation>Correo electrónico de la cuenta de %1</translation>
    </message>
    <message>
        <source>This form was not sent by this sign-in page</source>
        <translation>Este formulario no lo envió esta página de inicio de sesión</translation>
    </message>
    <message>
        <source>Reload the page and try again, or go back to the application and start signing in again.</source>
        <translation>Vuelva a cargar la página e inténtelo de nuevo, o vuelva a la aplicación e inicie sesión de nuevo.</translation>
    </message>
    <message>
        <source>This sign-in has expired</source>
        <translation>Este inicio de sesión ha caducado</translation>
    </message>
    <message>
        <source>Go back to the application and start signing in again.</source>
        <translation>Vuelva a la aplicación e inicie sesión de nuevo.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Incorrect email or password.</source>
        <translation>Correo electrónico o contraseña incorrectos.</translation>
    </message>
    <message>
        <source>Create your account</source>
        <translation>Cree su cuenta</translation>
    </message>
    <message>
        <source>Enter a valid email address.</source>
        <translation>Introduzca una dirección de correo electrónico válida.</translation>
    </message>
    <message>
        <source>Choose a password of at least 8 characters.</source>
        <translation>Elija una contraseña de al menos 8 caracteres.</translation>
    </message>
    <message>
        <source>An account with this email already exists. Sign in instead.</source>
        <translation>Ya existe una cuenta con este correo electrónico. Inicie sesión en su lugar.</translation>
    </message>
    <message>
        <source>Check your email</source>
        <translation>Revise su correo electrónico</translation>
    </message>
    <message>
        <source>That code has expired. Go back and ask for a new one.</source>
        <translation>Ese código ha caducado. Vuelva atrás y solicite uno nuevo.</translation>
    </message>
    <message>
        <source>Too many attempts. Go back and ask for a new code.</source>
        <translation>Demasiados intentos. Vuelva atrás y solicite un código nuevo.</translation>
    </message>
    <message>
        <source>That code is not right. Check your email and try again.</source>
        <translation>Ese código no es correcto. Revise su correo electrónico e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Unknown provider</source>
        <translation>Proveedor desconocido</translation>
    </message>
    <message>
        <source>This identity provider is not emulated.</source>
        <translation>Este proveedor de identidad no está emulado.</translation>
    </message>
    <message>
        <source>Sign in with %1</source>
        <translation>Iniciar sesión con %1</translation>
    </message>
    <message>
        <source>Two-factor authentication</source>
        <translation>Autenticación en dos pasos</translation>
    </message>
    <message>
        <source>Too many attempts. Go back to the application and start signing in again.</source>
        <translation>Demasiados intentos. Vuelva a la aplicación e inicie sesión de nuevo.</translation>
    </message>
    <message>
        <source>That code is not valid. Enter the current code from your authenticator app.</source>
        <translation>Ese código no es válido. Introduzca el código actual de su aplicación de autenticación.</translation>
    </message>
    <message>
        <source>Choose an organization</source>
        <translation>Elija una organización</translation>
    </message>
    <message>
        <source>You have signed out</source>
        <translation>Ha cerrado la sesión</translation>
    </message>
    <message>
        <source>You can close this window.</source>
        <translation>Puede cerrar esta ventana.</translation>
    </message>
    <message>
        <source>This is the emulator: the code is in its log and in the dev inbox.</source>
        <translation>Esto es el emulador: el código aparece en su registro y en la bandeja de entrada de desarrollo.</translation>
    </message>
    <message>
        <source>Open the dev inbox</source>
        <translation>Abrir la bandeja de entrada de desarrollo</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Use another method</source>
        <translation>Usar otro método</translation>
    </message>
    <message>
        <source>One-time codes the emulator &quot;sent&quot; by email, newest first. Reload to see new ones.</source>
        <translation>Códigos de un solo uso que el emulador «envió» por correo electrónico, los más recientes primero. Vuelva a cargar para ver los nuevos.</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>AuthKit emulator · runs on this computer, no account needed</source>
        <translation>Emulador de AuthKit · se ejecuta en este equipo, sin necesidad de cuenta</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from your authenticator app.</source>
        <translation>Introduzca el código de 6 dígitos de su aplicación de autenticación.</translation>
    </message>
    <message>
        <source>Authentication code</source>
        <translation>Código de autenticación</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Verificar</translation>
    </message>
    <message>
        <source>emulated</source>
        <translation>emulado</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>Permitir</translation>
    </message>
    <message>
        <source>You belong to several organizations. Which one do you want to use?</source>
        <translation>Pertenece a varias organizaciones. ¿Cuál quiere usar?</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>or</source>
        <translation>o</translation>
    </message>
    <message>
        <source>Sign in with a code sent to</source>
        <translation>Iniciar sesión con un código enviado a</translation>
    </message>
    <message>
        <source>Email me a code</source>
        <translation>Enviarme un código por correo</translation>
    </message>
    <message>
        <source>Continue with Google</source>
        <translation>Continuar con Google</translation>
    </message>
    <message>
        <source>Continue with GitHub</source>
        <translation>Continuar con GitHub</translation>
    </message>
    <message>
        <source>Continue with Microsoft</source>
        <translation>Continuar con Microsoft</translation>
    </message>
    <message>
        <source>No account?</source>
        <translation>¿No tiene cuenta?</translation>
    </message>
    <message>
        <source>Sign up</source>
        <translation>Registrarse</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>At least 8 characters.</source>
        <translation>Al menos 8 caracteres.</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Crear cuenta</translation>
    </message>
    <message>
        <source>Already have an account?</source>
        <translation>¿Ya tiene una cuenta?</translation>
    </message>
    <message>
        <source>Invalid client ID</source>
        <translation>ID de cliente no válido</translation>
    </message>
    <message>
        <source>The client_id &quot;%1&quot; is not a client of this environment.</source>
        <translation>El client_id «%1» no es un cliente de este entorno.</translation>
    </message>
    <message>
        <source>Invalid redirect URI</source>
        <translation>URI de redirección no válido</translation>
    </message>
    <message>
        <source>The redirect_uri &quot;%1&quot; is not registered for %2.</source>
        <translation>La redirect_uri «%1» no está registrada para %2.</translation>
    </message>
    <message>
        <source>The redirect URI is not an absolute URL.</source>
        <translation>La URI de redirección no es una URL absoluta.</translation>
    </message>
    <message>
        <source>A production redirect URI must not carry credentials.</source>
        <translation>Una URI de redirección de producción no debe llevar credenciales.</translation>
    </message>
    <message>
        <source>A production redirect URI must not have a fragment.</source>
        <translation>Una URI de redirección de producción no debe tener fragmento.</translation>
    </message>
    <message>
        <source>An https redirect URI needs a host.</source>
        <translation>Una URI de redirección https necesita un host.</translation>
    </message>
    <message>
        <source>Production does not allow localhost: use the loopback IP literal, http://127.0.0.1 (any port), or https.</source>
        <translation>Producción no permite localhost: use la dirección IP de bucle local, http://127.0.0.1 (cualquier puerto), o https.</translation>
    </message>
    <message>
        <source>Production redirect URIs must use https (http only to the loopback IP literal 127.0.0.1 or [::1]).</source>
        <translation>Las URI de redirección de producción deben usar https (http solo hacia la dirección IP de bucle local 127.0.0.1 o [::1]).</translation>
    </message>
    <message>
        <source>The scheme &quot;%1&quot; cannot be a redirect URI.</source>
        <translation>El esquema «%1» no puede ser una URI de redirección.</translation>
    </message>
    <message>
        <source>The redirect_uri &quot;%1&quot; is not allowed in the production environment of %2. %3</source>
        <translation>La redirect_uri «%1» no está permitida en el entorno de producción de %2. %3</translation>
    </message>
</context>
</TS>
