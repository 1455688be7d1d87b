<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>HostedPages</name>
    <message>
        <source>No messages yet.</source>
        <translation>まだメッセージはありません。</translation>
    </message>
    <message>
        <source>Dev inbox</source>
        <translation>開発用受信トレイ</translation>
    </message>
    <message>
        <source>AuthKit emulator</source>
        <translation>AuthKit エミュレーター</translation>
    </message>
    <message>
        <source>We sent a 6-digit code to %1. It is valid for 10 minutes.</source>
        <translation>%1 に 6 桁のコードを送信しました。有効期間は 10 分です。</translation>
    </message>
    <message>
        <source>%1 wants to sign you in with your %2 account.</source>
        <translation>%1 が %2 アカウントでのサインインを求めています。</translation>
    </message>
    <message>
        <source>%1 account email</source>
        <translation>%1 アカウントのメールアドレス</translation>
    </message>
    <message>
        <source>This form was not sent by this sign-in page</source>
        <translation>このフォームはこのサインインページから送信されたものではありません</translation>
    </message>
    <message>
        <source>Reload the page and try again, or go back to the application and start signing in again.</source>
        <translation>ページを再読み込みしてもう一度お試しいただくか、アプリケーションに戻ってサインインをやり直してください。</translation>
    </message>
    <message>
        <source>This sign-in has expired</source>
        <translation>このサインインは期限切れです</translation>
    </message>
    <message>
        <source>Go back to the application and start signing in again.</source>
        <translation>アプリケーションに戻ってサインインをやり直してください。</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <source>Incorrect email or password.</source>
        <translation>メールアドレスまたはパスワードが正しくありません。</translation>
    </message>
    <message>
        <source>Create your account</source>
        <translation>アカウントを作成</translation>
    </message>
    <message>
        <source>Enter a valid email address.</source>
        <translation>有効なメールアドレスを入力してください。</translation>
    </message>
    <message>
        <source>Choose a password of at least 8 characters.</source>
        <translation>8 文字以上のパスワードを設定してください。</translation>
    </message>
    <message>
        <source>An account with this email already exists. Sign in instead.</source>
        <translation>このメールアドレスのアカウントは既に存在します。代わりにサインインしてください。</translation>
    </message>
    <message>
        <source>Check your email</source>
        <translation>メールを確認してください</translation>
    </message>
    <message>
        <source>That code has expired. Go back and ask for a new one.</source>
        <translation>このコードは期限切れです。前の画面に戻って新しいコードをリクエストしてください。</translation>
    </message>
    <message>
        <source>Too many attempts. Go back and ask for a new code.</source>
        <translation>試行回数が多すぎます。前の画面に戻って新しいコードをリクエストしてください。</translation>
    </message>
    <message>
        <source>That code is not right. Check your email and try again.</source>
        <translation>コードが正しくありません。メールを確認してもう一度お試しください。</translation>
    </message>
    <message>
        <source>Unknown provider</source>
        <translation>不明なプロバイダー</translation>
    </message>
    <message>
        <source>This identity provider is not emulated.</source>
        <translation>この ID プロバイダーはエミュレートされていません。</translation>
    </message>
    <message>
        <source>Sign in with %1</source>
        <translation>%1 でサインイン</translation>
    </message>
    <message>
        <source>Two-factor authentication</source>
        <translation>2 要素認証</translation>
    </message>
    <message>
        <source>Too many attempts. Go back to the application and start signing in again.</source>
        <translation>試行回数が多すぎます。アプリケーションに戻ってサインインをやり直してください。</translation>
    </message>
    <message>
        <source>That code is not valid. Enter the current code from your authenticator app.</source>
        <translation>コードが無効です。認証アプリに表示されている現在のコードを入力してください。</translation>
    </message>
    <message>
        <source>Choose an organization</source>
        <translation>組織を選択</translation>
    </message>
    <message>
        <source>You have signed out</source>
        <translation>サインアウトしました</translation>
    </message>
    <message>
        <source>You can close this window.</source>
        <translation>このウィンドウは閉じてかまいません。</translation>
    </message>
    <message>
        <source>This is the emulator: the code is in its log and in the dev inbox.</source>
        <translation>これはエミュレーターです。コードはログと開発用受信トレイに表示されます。</translation>
    </message>
    <message>
        <source>Open the dev inbox</source>
        <translation>開発用受信トレイを開く</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>続行</translation>
    </message>
    <message>
        <source>Use another method</source>
        <translation>別の方法を使う</translation>
    </message>
    <message>
        <source>One-time codes the emulator &quot;sent&quot; by email, newest first. Reload to see new ones.</source>
        <translation>エミュレーターがメールで「送信」したワンタイムコード（新しい順）。新しいコードを見るには再読み込みしてください。</translation>
    </message>
    <message>
        <source>To</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>送信日時</translation>
    </message>
    <message>
        <source>AuthKit emulator · runs on this computer, no account needed</source>
        <translation>AuthKit エミュレーター · このコンピューター上で動作し、アカウントは不要です</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from your authenticator app.</source>
        <translation>認証アプリに表示されている 6 桁のコードを入力してください。</translation>
    </message>
    <message>
        <source>Authentication code</source>
        <translation>認証コード</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>確認</translation>
    </message>
    <message>
        <source>emulated</source>
        <translation>エミュレート</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>許可</translation>
    </message>
    <message>
        <source>You belong to several organizations. Which one do you want to use?</source>
        <translation>複数の組織に所属しています。どの組織を使用しますか？</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>or</source>
        <translation>または</translation>
    </message>
    <message>
        <source>Sign in with a code sent to</source>
        <translation>コードを送信してサインインするメールアドレス</translation>
    </message>
    <message>
        <source>Email me a code</source>
        <translation>コードをメールで送信</translation>
    </message>
    <message>
        <source>Continue with Google</source>
        <translation>Google で続行</translation>
    </message>
    <message>
        <source>Continue with GitHub</source>
        <translation>GitHub で続行</translation>
    </message>
    <message>
        <source>Continue with Microsoft</source>
        <translation>Microsoft で続行</translation>
    </message>
    <message>
        <source>No account?</source>
        <translation>アカウントをお持ちでない場合</translation>
    </message>
    <message>
        <source>Sign up</source>
        <translation>新規登録</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>At least 8 characters.</source>
        <translation>8 文字以上。</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>アカウントを作成</translation>
    </message>
    <message>
        <source>Already have an account?</source>
        <translation>既にアカウントをお持ちの場合</translation>
    </message>
    <message>
        <source>Invalid client ID</source>
        <translation>無効なクライアント ID</translation>
    </message>
    <message>
        <source>The client_id &quot;%1&quot; is not a client of this environment.</source>
        <translation>client_id「%1」はこの環境のクライアントではありません。</translation>
    </message>
    <message>
        <source>Invalid redirect URI</source>
        <translation>無効なリダイレクト URI</translation>
    </message>
    <message>
        <source>The redirect_uri &quot;%1&quot; is not registered for %2.</source>
        <translation>redirect_uri「%1」は %2 に登録されていません。</translation>
    </message>
    <message>
        <source>The redirect URI is not an absolute URL.</source>
        <translation>リダイレクト URI が絶対 URL ではありません。</translation>
    </message>
    <message>
        <source>A production redirect URI must not carry credentials.</source>
        <translation>本番環境のリダイレクト URI に認証情報を含めることはできません。</translation>
    </message>
    <message>
        <source>A production redirect URI must not have a fragment.</source>
        <translation>本番環境のリダイレクト URI にフラグメントを含めることはできません。</translation>
    </message>
    <message>
        <source>An https redirect URI needs a host.</source>
        <translation>https のリダイレクト URI にはホストが必要です。</translation>
    </message>
    <message>
        <source>Production does not allow localhost: use the loopback IP literal, http://127.0.0.1 (any port), or https.</source>
        <translation>本番環境では localhost を使用できません。ループバック IP アドレス http://127.0.0.1（ポートは任意）か https を使用してください。</translation>
    </message>
    <message>
        <source>Production redirect URIs must use https (http only to the loopback IP literal 127.0.0.1 or [::1]).</source>
        <translation>本番環境のリダイレクト URI は https を使用する必要があります（http はループバック IP アドレス 127.0.0.1 または [::1] のみ）。</translation>
    </message>
    <message>
        <source>The scheme &quot;%1&quot; cannot be a redirect URI.</source>
        <translation>スキーム「%1」はリダイレクト URI にできません。</translation>
    </message>
    <message>
        <source>The redirect_uri &quot;%1&quot; is not allowed in the production environment of %2. %3</source>
        <translation>redirect_uri「%1」は %2 の本番環境では使用できません。%3</translation>
    </message>
</context>
</TS>
