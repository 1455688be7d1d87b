<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>HostedPages</name>
    <message>
        <source>No messages yet.</source>
        <translation>Aucun message pour l’instant.</translation>
    </message>
    <message>
        <source>Dev inbox</source>
        <translation>Boîte de réception de développement</translation>
    </message>
    <message>
        <source>AuthKit emulator</source>
        <translation>Émulateur AuthKit</translation>
    </message>
    <message>
        <source>We sent a 6-digit code to %1. It is valid for 10 minutes.</source>
        <translation>Nous avons envoyé un code à 6 chiffres à %1. Il est valable 10 minutes.</translation>
    </message>
    <message>
        <source>%1 wants to sign you in with your %2 account.</source>
        <translation>%1 souhaite vous connecter avec votre compte %2.</translation>
    </message>
    <message>
        <source>%1 account email</source>
        <translation>E-mail du compte %1</translation>
    </message>
    <message>
        <source>This form was not sent by this sign-in page</source>
        <translation>Ce formulaire n’a pas été envoyé par cette page de connexion</translation>
    </message>
    <message>
        <source>Reload the page and try again, or go back to the application and start signing in again.</source>
        <translation>Rechargez la page et réessayez, ou revenez à l’application et recommencez la connexion.</translation>
    </message>
    <message>
        <source>This sign-in has expired</source>
        <translation>Cette connexion a expiré</translation>
    </message>
    <message>
        <source>Go back to the application and start signing in again.</source>
        <translation>Revenez à l’application et recommencez la connexion.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Incorrect email or password.</source>
        <translation>Adresse e-mail ou mot de passe incorrect.</translation>
    </message>
    <message>
        <source>Create your account</source>
        <translation>Créez votre compte</translation>
    </message>
    <message>
        <source>Enter a valid email address.</source>
        <translation>Saisissez une adresse e-mail valide.</translation>
    </message>
    <message>
        <source>Choose a password of at least 8 characters.</source>
        <translation>Choisissez un mot de passe d’au moins 8 caractères.</translation>
    </message>
    <message>
        <source>An account with this email already exists. Sign in instead.</source>
        <translation>Un compte existe déjà avec cette adresse e-mail. Connectez-vous plutôt.</translation>
    </message>
    <message>
        <source>Check your email</source>
        <translation>Consultez vos e-mails</translation>
    </message>
    <message>
        <source>That code has expired. Go back and ask for a new one.</source>
        <translation>Ce code a expiré. Revenez en arrière et demandez-en un nouveau.</translation>
    </message>
    <message>
        <source>Too many attempts. Go back and ask for a new code.</source>
        <translation>Trop de tentatives. Revenez en arrière et demandez un nouveau code.</translation>
    </message>
    <message>
        <source>That code is not right. Check your email and try again.</source>
        <translation>Ce code est incorrect. Vérifiez vos e-mails et réessayez.</translation>
    </message>
    <message>
        <source>Unknown provider</source>
        <translation>Fournisseur inconnu</translation>
    </message>
    <message>
        <source>This identity provider is not emulated.</source>
        <translation>Ce fournisseur d’identité n’est pas émulé.</translation>
    </message>
    <message>
        <source>Sign in with %1</source>
        <translation>Se connecter avec %1</translation>
    </message>
    <message>
        <source>Two-factor authentication</source>
        <translation>Authentification à deux facteurs</translation>
    </message>
    <message>
        <source>Too many attempts. Go back to the application and start signing in again.</source>
        <translation>Trop de tentatives. Revenez à l’application et recommencez la connexion.</translation>
    </message>
    <message>
        <source>That code is not valid. Enter the current code from your authenticator app.</source>
        <translation>Ce code n’est pas valide. Saisissez le code actuel de votre application d’authentification.</translation>
    </message>
    <message>
        <source>Choose an organization</source>
        <translation>Choisissez une organisation</translation>
    </message>
    <message>
        <source>You have signed out</source>
        <translation>Vous êtes déconnecté</translation>
    </message>
    <message>
        <source>You can close this window.</source>
        <translation>Vous pouvez fermer cette fenêtre.</translation>
    </message>
    <message>
        <source>This is the emulator: the code is in its log and in the dev inbox.</source>
        <translation>Ceci est l’émulateur&#xa0;: le code figure dans son journal et dans la boîte de réception de développement.</translation>
    </message>
    <message>
        <source>Open the dev inbox</source>
        <translation>Ouvrir la boîte de réception de développement</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>Use another method</source>
        <translation>Utiliser une autre méthode</translation>
    </message>
    <message>
        <source>One-time codes the emulator &quot;sent&quot; by email, newest first. Reload to see new ones.</source>
        <translation>Codes à usage unique que l’émulateur a «&#xa0;envoyés&#xa0;» par e-mail, les plus récents en premier. Rechargez pour voir les nouveaux.</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>AuthKit emulator · runs on this computer, no account needed</source>
        <translation>Émulateur AuthKit · fonctionne sur cet ordinateur, aucun compte requis</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from your authenticator app.</source>
        <translation>Saisissez le code à 6 chiffres de votre application d’authentification.</translation>
    </message>
    <message>
        <source>Authentication code</source>
        <translation>Code d’authentification</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <source>emulated</source>
        <translation>émulé</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>Autoriser</translation>
    </message>
    <message>
        <source>You belong to several organizations. Which one do you want to use?</source>
        <translation>Vous appartenez à plusieurs organisations. Laquelle voulez-vous utiliser&#xa0;?</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>or</source>
        <translation>ou</translation>
    </message>
    <message>
        <source>Sign in with a code sent to</source>
        <translation>Se connecter avec un code envoyé à</translation>
    </message>
    <message>
        <source>Email me a code</source>
        <translation>M’envoyer un code par e-mail</translation>
    </message>
    <message>
        <source>Continue with Google</source>
        <translation>Continuer avec Google</translation>
    </message>
    <message>
        <source>Continue with GitHub</source>
        <translation>Continuer avec GitHub</translation>
    </message>
    <message>
        <source>Continue with Microsoft</source>
        <translation>Continuer avec Microsoft</translation>
    </message>
    <message>
        <source>No account?</source>
        <translation>Pas de compte&#xa0;?</translation>
    </message>
    <message>
        <source>Sign up</source>
        <translation>S’inscrire</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>At least 8 characters.</source>
        <translation>Au moins 8 caractères.</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Créer le compte</translation>
    </message>
    <message>
        <source>Already have an account?</source>
        <translation>Vous avez déjà un compte&#xa0;?</translation>
    </message>
    <message>
        <source>Invalid client ID</source>
        <translation>ID client non valide</translation>
    </message>
    <message>
        <source>The client_id &quot;%1&quot; is not a client of this environment.</source>
        <translation>Le client_id «&#xa0;%1&#xa0;» n’est pas un client de cet environnement.</translation>
    </message>
    <message>
        <source>Invalid redirect URI</source>
        <translation>URI de redirection non valide</translation>
    </message>
    <message>
        <source>The redirect_uri &quot;%1&quot; is not registered for %2.</source>
        <translation>La redirect_uri «&#xa0;%1&#xa0;» n’est pas enregistrée pour %2.</translation>
    </message>
    <message>
        <source>The redirect URI is not an absolute URL.</source>
        <translation>L’URI de redirection n’est pas une URL absolue.</translation>
    </message>
    <message>
        <source>A production redirect URI must not carry credentials.</source>
        <translation>Une URI de redirection de production ne doit pas contenir d’identifiants.</translation>
    </message>
    <message>
        <source>A production redirect URI must not have a fragment.</source>
        <translation>Une URI de redirection de production ne doit pas avoir de fragment.</translation>
    </message>
    <message>
        <source>An https redirect URI needs a host.</source>
        <translation>Une URI de redirection https doit avoir un hôte.</translation>
    </message>
    <message>
        <source>Production does not allow localhost: use the loopback IP literal, http://127.0.0.1 (any port), or https.</source>
        <translation>La production n’autorise pas localhost : utilisez l’adresse IP de bouclage, http://127.0.0.1 (n’importe quel port), ou https.</translation>
    </message>
    <message>
        <source>Production redirect URIs must use https (http only to the loopback IP literal 127.0.0.1 or [::1]).</source>
        <translation>Les URI de redirection de production doivent utiliser https (http uniquement vers l’adresse IP de bouclage 127.0.0.1 ou [::1]).</translation>
    </message>
    <message>
        <source>The scheme &quot;%1&quot; cannot be a redirect URI.</source>
        <translation>Le schéma « %1 » ne peut pas être une URI de redirection.</translation>
    </message>
    <message>
        <source>The redirect_uri &quot;%1&quot; is not allowed in the production environment of %2. %3</source>
        <translation>La redirect_uri « %1 » n’est pas autorisée dans l’environnement de production de %2. %3</translation>
    </message>
</context>
</TS>
