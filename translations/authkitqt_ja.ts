<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AuthKitApi</name>
    <message>
        <source>Cannot reach WorkOS: %1</source>
        <translation>WorkOS に接続できません: %1</translation>
    </message>
    <message>
        <source>WorkOS did not answer in time.</source>
        <translation>WorkOS から時間内に応答がありませんでした。</translation>
    </message>
    <message>
        <source>WorkOS sent a response this app cannot read: %1</source>
        <translation>WorkOS から、このアプリで読み取れない応答が返されました: %1</translation>
    </message>
    <message>
        <source>Too many requests to WorkOS; trying again shortly.</source>
        <translation>WorkOS へのリクエストが多すぎます。まもなく再試行します。</translation>
    </message>
    <message>
        <source>WorkOS is having trouble (HTTP %1); trying again shortly.</source>
        <translation>WorkOS で問題が発生しています (HTTP %1)。まもなく再試行します。</translation>
    </message>
    <message>
        <source>WorkOS refused the request (HTTP %1 %2).</source>
        <translation>WorkOS がリクエストを拒否しました (HTTP %1 %2)。</translation>
    </message>
    <message>
        <source>the response lacks the user or the tokens</source>
        <translation>応答にユーザーまたはトークンが含まれていません</translation>
    </message>
    <message>
        <source>its refresh token was already used (by another program with this session, or a reply that was lost on the way)</source>
        <translation>リフレッシュトークンはすでに使用されています (このセッションを使う別のプログラム、または途中で失われた応答によって)</translation>
    </message>
    <message>
        <source>it expired</source>
        <translation>有効期限が切れました</translation>
    </message>
    <message>
        <source>it was signed out or revoked</source>
        <translation>サインアウトされたか、取り消されました</translation>
    </message>
    <message>
        <source>WorkOS no longer accepts it</source>
        <translation>WorkOS で受け付けられなくなりました</translation>
    </message>
    <message>
        <source>Your session has ended: %1. Please sign in again.</source>
        <translation>セッションが終了しました: %1。もう一度サインインしてください。</translation>
    </message>
    <message>
        <source>Your session has ended: %1 (%2). Please sign in again.</source>
        <translation>セッションが終了しました: %1 (%2)。もう一度サインインしてください。</translation>
    </message>
</context>
<context>
    <name>AuthKitConfig</name>
    <message>
        <source>The client ID is an API key (sk_…). A desktop app is a public client: use the environment&apos;s client ID (client_…) and never ship an API key.</source>
        <translation>クライアント ID が API キー (sk_…) です。デスクトップアプリはパブリッククライアントです。環境のクライアント ID (client_…) を使用し、API キーは決して配布しないでください。</translation>
    </message>
    <message>
        <source>No client ID: set one with --client-id, WORKOS_CLIENT_ID or the profile&apos;s settings.</source>
        <translation>クライアント ID がありません。--client-id、WORKOS_CLIENT_ID、またはプロファイルの設定で指定してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a WorkOS client ID (client_ followed by 26 letters and digits).</source>
        <translation>「%1」は WorkOS のクライアント ID ではありません (client_ の後に英数字 26 文字)。</translation>
    </message>
    <message>
        <source>The API base URL must be an https:// URL (or http:// on 127.0.0.1 for the emulator); got &quot;%1&quot;.</source>
        <translation>API ベース URL は https:// の URL (エミュレーターの場合は 127.0.0.1 上の http://) である必要があります。指定された値: 「%1」。</translation>
    </message>
    <message>
        <source>The API base URL must not carry credentials or a query.</source>
        <translation>API ベース URL に認証情報やクエリを含めることはできません。</translation>
    </message>
    <message>
        <source>The redirect URI &quot;%1&quot; is not a valid URL.</source>
        <translation>リダイレクト URI「%1」は有効な URL ではありません。</translation>
    </message>
    <message>
        <source>An http redirect URI must be a loopback address (http://127.0.0.1/…).</source>
        <translation>http のリダイレクト URI はループバックアドレス (http://127.0.0.1/…) である必要があります。</translation>
    </message>
    <message>
        <source>At least one accepted token issuer is needed.</source>
        <translation>受け入れるトークン発行者が少なくとも 1 つ必要です。</translation>
    </message>
    <message>
        <source>The sign-out return URI is not a valid URL.</source>
        <translation>サインアウト後の戻り先 URI が有効な URL ではありません。</translation>
    </message>
    <message>
        <source>The Convex URL must be an https:// URL (or http:// on 127.0.0.1).</source>
        <translation>Convex の URL は https:// の URL (または 127.0.0.1 上の http://) である必要があります。</translation>
    </message>
</context>
<context>
    <name>ConfigLoader</name>
    <message>
        <source>--project: &quot;%1&quot; is not a folder.</source>
        <translation>--project: 「%1」はフォルダーではありません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a profile name (lower-case letters, digits, - and _).</source>
        <translation>「%1」はプロファイル名ではありません (小文字の英字、数字、- と _)。</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 に書き込めません。</translation>
    </message>
    <message>
        <source>--project: no .env.local, .env or convex.json in &quot;%1&quot;.</source>
        <translation>--project: 「%1」に .env.local、.env、convex.json のいずれもありません。</translation>
    </message>
    <message>
        <source>--project: &quot;%1&quot; names no WORKOS_CLIENT_ID, CONVEX_URL or redirect URI this app can receive.</source>
        <translation>--project: 「%1」には WORKOS_CLIENT_ID、CONVEX_URL、このアプリが受け取れるリダイレクト URI のいずれもありません。</translation>
    </message>
</context>
<context>
    <name>ConvexAuthKitSection</name>
    <message>
        <source>line %1, column %2</source>
        <translation>%1 行 %2 列</translation>
    </message>
    <message>
        <source>convex.json: %1 &quot;%2&quot; left out: its template is not set in the environment</source>
        <translation>convex.json: %1「%2」は除外しました: テンプレートの変数が環境に設定されていません</translation>
    </message>
    <message>
        <source>convex.json: %1.%2 must be a list of strings</source>
        <translation>convex.json: %1.%2 は文字列のリストでなければなりません</translation>
    </message>
    <message>
        <source>convex.json is not valid JSON: %1 at %2</source>
        <translation>convex.json は有効な JSON ではありません: %2 で %1</translation>
    </message>
    <message>
        <source>convex.json must be a JSON object</source>
        <translation>convex.json は JSON オブジェクトでなければなりません</translation>
    </message>
    <message>
        <source>convex.json: authKit and %1 must be objects</source>
        <translation>convex.json: authKit と %1 はオブジェクトでなければなりません</translation>
    </message>
    <message>
        <source>convex.json: %1.appHomepageUrl must be a string</source>
        <translation>convex.json: %1.appHomepageUrl は文字列でなければなりません</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>%1 is larger than %2 bytes</source>
        <translation>%1 は %2 バイトを超えています</translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <source>Already started.</source>
        <translation>すでに起動しています。</translation>
    </message>
    <message>
        <source>Cannot start the local AuthKit emulator: %1</source>
        <translation>ローカルの AuthKit エミュレーターを起動できません: %1</translation>
    </message>
</context>
<context>
    <name>DesktopCommandLine</name>
    <message>
        <source>Profile: local, development, production.</source>
        <translation>プロファイル: local、development、production。</translation>
    </message>
    <message>
        <source>WorkOS client ID (client_…).</source>
        <translation>WorkOS のクライアント ID (client_…)。</translation>
    </message>
    <message>
        <source>WorkOS API base URL (a custom auth domain, or a running emulator).</source>
        <translation>WorkOS の API ベース URL (カスタム認証ドメイン、または実行中のエミュレーター)。</translation>
    </message>
    <message>
        <source>Redirect URI registered with WorkOS (default http://127.0.0.1/callback; the sign-in window catches it, the browser fallback listens on a free port; production, installed with its .desktop file: authkit-desktop://callback, through the system browser).</source>
        <translation>WorkOS に登録されたリダイレクト URI (既定値は http://127.0.0.1/callback。サインインウィンドウがこれを受け取り、ブラウザーによる代替手段は空いているポートで待ち受けます。production で .desktop ファイルと共にインストールされている場合は authkit-desktop://callback で、システムのブラウザーを使います)。</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot; (see --help).</source>
        <translation>予期しない引数「%1」です (--help を参照してください)。</translation>
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
        <translation>Qt WebEngine のウィンドウで WorkOS AuthKit にサインインします。各ビューはサインイン状態に従います。

オプションなしの場合は、[ファイル] &gt; [設定] で選択したプロファイルで実行します (初期値: local)。
local プロファイルは authkit-emulator ($AUTHKIT_EMULATOR、なければ隣にあるもの) を
127.0.0.1 の空いているポートで起動し、終了時に停止します。キーとセッションは
アプリのデータフォルダーに保存されます。初期登録ユーザー (パスワード
&quot;password&quot;): ada@example.com、grace@example.com、alan@example.com (TOTP)、
katherine@example.com。--api-base-url を指定すると、local プロファイルはそのエミュレーターを使用します。
development と production の各プロファイルは、お使いのクライアント ID で WorkOS にサインインします。
設定は、オプション、WORKOS_CLIENT_ID、WORKOS_API_HOSTNAME
(+ WORKOS_API_HTTPS、WORKOS_API_PORT)、WORKOS_REDIRECT_URI、WORKOS_ISSUER、
~/.config/AuthKitQt/profiles.ini ([ファイル] &gt; [設定] で編集する内容)、--project の順に読み込まれます。

セッションは OS のキーチェーン (Secret Service) に保存され、起動時にサインインウィンドウなしで
復元されます。キーチェーンがない場合はメモリ内にのみ保持され、ウィンドウにその旨が表示されます。
インスタンスはユーザーとデータフォルダーごとに 1 つだけ実行されます。もう一度起動すると、
実行中のウィンドウが前面に表示されます (新しいプロセスは 0 で終了します)。
状態の変化は stderr に info レベル、カテゴリー authkit.desktop で記録されます:
&quot;state: loading&quot;、&quot;state: signed-out&quot;、&quot;state: signed-in &lt;email&gt;&quot;。</translation>
    </message>
    <message>
        <source>Start signing in at once when no stored session is restored.</source>
        <translation>保存されたセッションが復元されない場合は、すぐにサインインを開始します。</translation>
    </message>
    <message>
        <source>An authkit-desktop:// sign-in redirect, handed to the running app (what the browser opens).</source>
        <translation>authkit-desktop:// のサインインのリダイレクト。実行中のアプリに渡されます（ブラウザーが開くもの）。</translation>
    </message>
    <message>
        <source>A Convex web project: WORKOS_CLIENT_ID, CONVEX_URL and the redirect URI from .env.local, and convex.json&apos;s authKit redirectUris; the redirect URI is the first this app can receive (loopback, or authkit-desktop:// when production uses the scheme).</source>
        <translation>Convex の Web プロジェクト: .env.local の WORKOS_CLIENT_ID、CONVEX_URL、リダイレクト URI と、convex.json の authKit の redirectUris。リダイレクト URI は、このアプリが受け取れる最初のもの（ループバック、または本番環境がスキームを使う場合は authkit-desktop://）です。</translation>
    </message>
</context>
<context>
    <name>JwksCache</name>
    <message>
        <source>no usable signing key</source>
        <translation>使用できる署名キーがありません</translation>
    </message>
    <message>
        <source>WorkOS signed the token with a key it does not publish yet; trying again shortly.</source>
        <translation>WorkOS がまだ公開していないキーでトークンに署名しました。まもなく再試行します。</translation>
    </message>
    <message>
        <source>Cannot get WorkOS&apos;s signing keys (%1); trying again shortly.</source>
        <translation>WorkOS の署名キーを取得できません (%1)。まもなく再試行します。</translation>
    </message>
</context>
<context>
    <name>LocalEmulatorProcess</name>
    <message>
        <source>The local AuthKit emulator stopped unexpectedly.</source>
        <translation>ローカルの AuthKit エミュレーターが予期せず停止しました。</translation>
    </message>
    <message>
        <source>The local AuthKit emulator exited with code %1.</source>
        <translation>ローカルの AuthKit エミュレーターがコード %1 で終了しました。</translation>
    </message>
    <message>
        <source>authkit-emulator was not found next to %1; install it there, or name it in the %2 environment variable, or start one and pass --api-base-url.</source>
        <translation>%1 の隣に authkit-emulator が見つかりません。そこにインストールするか、環境変数 %2 で指定するか、エミュレーターを起動して --api-base-url を指定してください。</translation>
    </message>
    <message>
        <source>Cannot run %1: %2</source>
        <translation>%1 を実行できません: %2</translation>
    </message>
    <message>
        <source>The local AuthKit emulator exited before it was ready: %1</source>
        <translation>ローカルの AuthKit エミュレーターが準備完了前に終了しました: %1</translation>
    </message>
    <message>
        <source>The local AuthKit emulator did not say it was ready within %1 seconds.</source>
        <translation>ローカルの AuthKit エミュレーターが %1 秒以内に準備完了を通知しませんでした。</translation>
    </message>
    <message>
        <source>The local AuthKit emulator&apos;s ready line cannot be read (an older authkit-emulator?).</source>
        <translation>ローカルの AuthKit エミュレーターの準備完了行を読み取れません (古い authkit-emulator ですか?)。</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>終了コード %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Profile: %1</source>
        <translation>プロファイル: %1</translation>
    </message>
    <message>
        <source>AuthKit Desktop — %1</source>
        <translation>AuthKit Desktop — %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About AuthKit Desktop</source>
        <translation>AuthKit Desktop について(&amp;A)</translation>
    </message>
    <message>
        <source>Profile %1 at %2</source>
        <translation>プロファイル %1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2), client %3</source>
        <translation>%1 (%2)、クライアント %3</translation>
    </message>
    <message>
        <source>Settings saved. Profile %1 is used the next time authkit-desktop starts.</source>
        <translation>設定を保存しました。プロファイル %1 は authkit-desktop の次回起動時に使用されます。</translation>
    </message>
    <message>
        <source>About AuthKit Desktop</source>
        <translation>AuthKit Desktop について</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;AuthKit Desktop&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Signs in with WorkOS AuthKit in a Qt WebEngine window and shows views that follow the sign-in state. The session is kept in the OS keychain.&lt;/p&gt;&lt;p&gt;Profile: %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;AuthKit Desktop&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Qt WebEngine のウィンドウで WorkOS AuthKit にサインインし、サインイン状態に従うビューを表示します。セッションは OS のキーチェーンに保存されます。&lt;/p&gt;&lt;p&gt;プロファイル: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Local AuthKit emulator started by this app at %1</source>
        <translation>このアプリが %1 で起動したローカルの AuthKit エミュレーター</translation>
    </message>
    <message>
        <source>local (the AuthKit emulator started by this app), client %1</source>
        <translation>local (このアプリが起動する AuthKit エミュレーター)、クライアント %1</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>%1 (you)</source>
        <translation>%1（あなた）</translation>
    </message>
</context>
<context>
    <name>MessageListModel</name>
    <message>
        <source>%1 wrote: %2</source>
        <translation>%1 さんの投稿: %2</translation>
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
        <translation>送信(&amp;S)</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Identity seen by the backend</source>
        <translation>バックエンドから見た ID</translation>
    </message>
    <message>
        <source>Asking the backend who you are…</source>
        <translation>バックエンドにユーザー情報を問い合わせています…</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>新しいメッセージ</translation>
    </message>
    <message>
        <source>Write a message</source>
        <translation>メッセージを入力</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>メッセージを送信</translation>
    </message>
    <message>
        <source>Messages error</source>
        <translation>メッセージのエラー</translation>
    </message>
    <message>
        <source>Messages (Convex)</source>
        <translation>メッセージ (Convex)</translation>
    </message>
    <message>
        <source>The backend could not say who you are: %1</source>
        <translation>バックエンドがユーザーを特定できませんでした: %1</translation>
    </message>
    <message>
        <source>Cannot load the messages: %1</source>
        <translation>メッセージを読み込めません: %1</translation>
    </message>
    <message>
        <source>Cannot send the message: %1</source>
        <translation>メッセージを送信できません: %1</translation>
    </message>
    <message>
        <source>The backend sees no signed-in user.</source>
        <translation>バックエンドからはサインイン中のユーザーが見えません。</translation>
    </message>
    <message>
        <source>Backend identity: %1</source>
        <translation>バックエンド上の ID: %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>サブジェクト: %1</translation>
    </message>
    <message>
        <source>Issuer: %1</source>
        <translation>発行者: %1</translation>
    </message>
    <message>
        <source>Email: %1</source>
        <translation>メール: %1</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>名前: %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>already running; its window was brought to the front</source>
        <translation>すでに実行中です。そのウィンドウを前面に表示しました</translation>
    </message>
    <message>
        <source>the options of this launch were not applied; quit the running app to start with them</source>
        <translation>今回の起動オプションは適用されていません。それらのオプションで起動するには、実行中のアプリを終了してください</translation>
    </message>
    <message>
        <source>AuthKit Desktop</source>
        <translation>AuthKit Desktop</translation>
    </message>
    <message>
        <source>the sign-in was handed to the running app</source>
        <translation>サインインを実行中のアプリに渡しました</translation>
    </message>
    <message>
        <source>the running app refused the sign-in redirect: %1</source>
        <translation>実行中のアプリがサインインのリダイレクトを拒否しました: %1</translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message>
        <source>just now</source>
        <translation>たった今</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <comment>minutes</comment>
        <translation>
            <numerusform>%n 分前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <comment>hours</comment>
        <translation>
            <numerusform>%n 時間前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d ago</source>
        <comment>days</comment>
        <translation>
            <numerusform>%n 日前</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionStore</name>
    <message>
        <source>The session is too large to store (%1 bytes, at most %2).</source>
        <translation>セッションが大きすぎるため保存できません (%1 バイト、上限 %2)。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Profile to edit</source>
        <translation>編集するプロファイル</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>クライアント ID</translation>
    </message>
    <message>
        <source>client_… (the environment&apos;s client ID, never an sk_ key)</source>
        <translation>client_… (環境のクライアント ID。sk_ キーは使用しないでください)</translation>
    </message>
    <message>
        <source>API base URL</source>
        <translation>API ベース URL</translation>
    </message>
    <message>
        <source>Redirect URI</source>
        <translation>リダイレクト URI</translation>
    </message>
    <message>
        <source>Accepted issuers</source>
        <translation>受け入れる発行者</translation>
    </message>
    <message>
        <source>One per line. Empty: WorkOS&apos;s issuers for this client ID and API URL.</source>
        <translation>1 行に 1 つ。空の場合: このクライアント ID と API URL に対応する WorkOS の発行者。</translation>
    </message>
    <message>
        <source>Profile used at start</source>
        <translation>起動時に使用するプロファイル</translation>
    </message>
    <message>
        <source>The local profile signs in against the emulator the app starts itself; its address is chosen at each start.</source>
        <translation>local プロファイルは、アプリ自身が起動するエミュレーターにサインインします。そのアドレスは起動のたびに選ばれます。</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>プロファイル(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Client ID:</source>
        <translation>クライアント ID(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;API base URL:</source>
        <translation>API ベース URL(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Redirect URI:</source>
        <translation>リダイレクト URI(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Issuers:</source>
        <translation>発行者(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Use at start:</source>
        <translation>起動時に使用(&amp;U):</translation>
    </message>
    <message>
        <source>Profiles are read when the app starts: changes, and the profile used, apply the next time authkit-desktop starts. In use now: %1.</source>
        <translation>プロファイルはアプリの起動時に読み込まれます。変更内容と使用するプロファイルは、authkit-desktop の次回起動時に適用されます。現在使用中: %1。</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>設定を保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Profile %1: %2</source>
        <translation>プロファイル %1: %2</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <source>&amp;Language (at the next start):</source>
        <translation>言語 (次回起動時)(&amp;L):</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>Cannot take the lock %1</source>
        <translation>ロック %1 を取得できません</translation>
    </message>
    <message>
        <source>The running authkit-desktop did not answer: %1</source>
        <translation>実行中の authkit-desktop から応答がありませんでした: %1</translation>
    </message>
    <message>
        <source>Cannot listen for other launches: %1</source>
        <translation>他の起動を待ち受けられません: %1</translation>
    </message>
</context>
<context>
    <name>TokenManager</name>
    <message>
        <source>Not signed in.</source>
        <translation>サインインしていません。</translation>
    </message>
    <message>
        <source>the access token failed verification: %1</source>
        <translation>アクセストークンの検証に失敗しました: %1</translation>
    </message>
    <message>
        <source>another process is refreshing this session and has not finished</source>
        <translation>別のプロセスがこのセッションを更新中で、まだ完了していません</translation>
    </message>
    <message>
        <source>You were signed out by another program using this account on this computer.</source>
        <translation>このコンピューターでこのアカウントを使用している別のプログラムによってサインアウトされました。</translation>
    </message>
</context>
<context>
    <name>authkit::AccountPage</name>
    <message>
        <source>S&amp;witch</source>
        <translation>切り替え(&amp;W)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>サインアウト(&amp;O)</translation>
    </message>
    <message>
        <source>Impersonation warning</source>
        <translation>なりすましの警告</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>サインアウト</translation>
    </message>
    <message>
        <source>Switch organization</source>
        <translation>組織を切り替え</translation>
    </message>
    <message>
        <source>Organization to switch to</source>
        <translation>切り替え先の組織</translation>
    </message>
    <message>
        <source>org_…</source>
        <translation>org_…</translation>
    </message>
    <message>
        <source>Organization:</source>
        <translation>組織:</translation>
    </message>
    <message>
        <source>Permissions:</source>
        <translation>権限:</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>アクセストークン:</translation>
    </message>
    <message>
        <source>Next refresh:</source>
        <translation>次回の更新:</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>プロファイル:</translation>
    </message>
    <message>
        <source>Switch &amp;organization:</source>
        <translation>組織を切り替え(&amp;O):</translation>
    </message>
    <message>
        <source>Logged in as %1</source>
        <translation>%1 としてログイン中</translation>
    </message>
    <message>
        <source>Impersonation: %1 is signed in as this user.</source>
        <translation>なりすまし: %1 がこのユーザーとしてサインインしています。</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>理由: %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>%1 (role %2)</source>
        <translation>%1 (ロール %2)</translation>
    </message>
    <message>
        <source>none yet (offline); retrying</source>
        <translation>まだありません (オフライン)。再試行中</translation>
    </message>
    <message>
        <source>expires in %1</source>
        <translation>%1 後に期限切れ</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <source>refreshing now…</source>
        <translation>更新中…</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>予定なし</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>%1 後</translation>
    </message>
</context>
<context>
    <name>authkit::AuthSession</name>
    <message>
        <source>No way to show the sign-in page is set up.</source>
        <translation>サインインページを表示する方法が設定されていません。</translation>
    </message>
    <message>
        <source>Cannot receive the sign-in redirect on this computer.</source>
        <translation>このコンピューターではサインインのリダイレクトを受け取れません。</translation>
    </message>
    <message>
        <source>The sign-in page answered with something this app cannot read.</source>
        <translation>サインインページから、このアプリで読み取れない応答が返されました。</translation>
    </message>
    <message>
        <source>The sign-in answer did not match this sign-in; try again.</source>
        <translation>サインインの応答がこのサインインと一致しませんでした。もう一度お試しください。</translation>
    </message>
</context>
<context>
    <name>authkit::AuthState</name>
    <message>
        <source>No keychain is available, so this session is kept in memory only: you will need to sign in again after a restart.</source>
        <translation>キーチェーンを利用できないため、このセッションはメモリ内にのみ保持されます。再起動後はもう一度サインインする必要があります。</translation>
    </message>
</context>
<context>
    <name>authkit::CustomSchemeUserAgent</name>
    <message>
        <source>Could not open the web browser.</source>
        <translation>Web ブラウザーを開けませんでした。</translation>
    </message>
    <message>
        <source>No sign-in is waiting for this redirect; start the sign-in in the app again.</source>
        <translation>このリダイレクトを待っているサインインはありません。アプリでもう一度サインインを開始してください。</translation>
    </message>
    <message>
        <source>This is not the app&apos;s sign-in redirect.</source>
        <translation>これはアプリのサインインのリダイレクトではありません。</translation>
    </message>
    <message>
        <source>The redirect is too long to be a sign-in answer.</source>
        <translation>リダイレクトが長すぎるため、サインインの応答ではありません。</translation>
    </message>
    <message>
        <source>This redirect belongs to another sign-in; the one under way goes on.</source>
        <translation>このリダイレクトは別のサインインのものです。進行中のサインインは続きます。</translation>
    </message>
</context>
<context>
    <name>authkit::InitialsAvatar</name>
    <message>
        <source>Avatar: %1</source>
        <translation>アバター: %1</translation>
    </message>
</context>
<context>
    <name>authkit::LoadingPage</name>
    <message>
        <source>Restoring your session…</source>
        <translation>セッションを復元しています…</translation>
    </message>
    <message>
        <source>Restoring your session</source>
        <translation>セッションを復元しています</translation>
    </message>
    <message>
        <source>Connecting to the backend…</source>
        <translation>バックエンドに接続しています…</translation>
    </message>
    <message>
        <source>Connecting to the backend</source>
        <translation>バックエンドに接続しています</translation>
    </message>
</context>
<context>
    <name>authkit::LoginPage</name>
    <message>
        <source>The sign-in answer did not come from the sign-in service, so it was ignored.</source>
        <translation>サインインの応答がサインインサービスから送られたものではないため、無視しました。</translation>
    </message>
    <message>
        <source>The sign-in answer does not belong to this sign-in, so it was ignored.</source>
        <translation>サインインの応答がこのサインインのものではないため、無視しました。</translation>
    </message>
    <message>
        <source>Pop-up windows are not opened during sign-in.</source>
        <translation>サインイン中はポップアップウィンドウを開きません。</translation>
    </message>
    <message>
        <source>The sign-in answer may only arrive in the page itself.</source>
        <translation>サインインの応答はページ自体でのみ受け取れます。</translation>
    </message>
    <message>
        <source>%1 is not encrypted, so it is not opened during sign-in.</source>
        <translation>%1 は暗号化されていないため、サインイン中は開きません。</translation>
    </message>
    <message>
        <source>%1 is not part of the sign-in, so it was not opened.</source>
        <translation>%1 はサインインの一部ではないため、開きませんでした。</translation>
    </message>
    <message>
        <source>This kind of link is not opened during sign-in.</source>
        <translation>この種類のリンクはサインイン中は開きません。</translation>
    </message>
</context>
<context>
    <name>authkit::LoginProcessUserAgent</name>
    <message>
        <source>The sign-in window could not be opened. Try again, or use your browser instead.</source>
        <translation>サインインウィンドウを開けませんでした。もう一度お試しいただくか、代わりにブラウザーを使用してください。</translation>
    </message>
    <message>
        <source>The sign-in window closed unexpectedly. Try again, or use your browser instead.</source>
        <translation>サインインウィンドウが予期せず閉じました。もう一度お試しいただくか、代わりにブラウザーを使用してください。</translation>
    </message>
</context>
<context>
    <name>authkit::LoginWindow</name>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Use my browser instead</source>
        <translation>代わりにブラウザーを使用</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <source>Sign-in page</source>
        <translation>サインインページ</translation>
    </message>
    <message>
        <source>Address of the sign-in page</source>
        <translation>サインインページのアドレス</translation>
    </message>
    <message>
        <source>Page loading progress</source>
        <translation>ページの読み込みの進行状況</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>サインインの問題</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>サインインをキャンセル</translation>
    </message>
    <message>
        <source>Use my web browser instead</source>
        <translation>代わりに Web ブラウザーを使用</translation>
    </message>
    <message>
        <source>Close this window and sign in with your usual web browser.</source>
        <translation>このウィンドウを閉じて、いつもお使いの Web ブラウザーでサインインします。</translation>
    </message>
    <message>
        <source>The identity of %1 could not be verified, so the page was not loaded. Check this computer&apos;s date and time and your network, or use your browser instead.</source>
        <translation>%1 の身元を確認できなかったため、ページを読み込みませんでした。このコンピューターの日付と時刻、およびネットワークを確認するか、代わりにブラウザーを使用してください。</translation>
    </message>
    <message>
        <source>The sign-in page stopped working. Cancel and try again, or use your browser instead.</source>
        <translation>サインインページが動作しなくなりました。キャンセルしてもう一度お試しいただくか、代わりにブラウザーを使用してください。</translation>
    </message>
    <message>
        <source>The sign-in page could not be loaded. Check your network connection, or use your browser instead.</source>
        <translation>サインインページを読み込めませんでした。ネットワーク接続を確認するか、代わりにブラウザーを使用してください。</translation>
    </message>
    <message>
        <source>Encrypted connection to %1</source>
        <translation>%1 への暗号化された接続</translation>
    </message>
    <message>
        <source>%1 (this computer, not encrypted)</source>
        <translation>%1 (このコンピューター、暗号化なし)</translation>
    </message>
    <message>
        <source>Unencrypted connection to this computer</source>
        <translation>このコンピューターへの暗号化されていない接続</translation>
    </message>
    <message>
        <source>%1 (not encrypted)</source>
        <translation>%1 (暗号化なし)</translation>
    </message>
    <message>
        <source>Unencrypted connection</source>
        <translation>暗号化されていない接続</translation>
    </message>
</context>
<context>
    <name>authkit::LoopbackUserAgent</name>
    <message>
        <source>Could not open the web browser.</source>
        <translation>Web ブラウザーを開けませんでした。</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>見つかりません</translation>
    </message>
    <message>
        <source>Sign-in did not complete</source>
        <translation>サインインが完了しませんでした</translation>
    </message>
    <message>
        <source>Return to the application for details.</source>
        <translation>詳細はアプリケーションに戻って確認してください。</translation>
    </message>
    <message>
        <source>You are signed in</source>
        <translation>サインインしました</translation>
    </message>
    <message>
        <source>You can close this tab and return to the application.</source>
        <translation>このタブを閉じて、アプリケーションに戻ってください。</translation>
    </message>
    <message>
        <source>Sign-in was cancelled</source>
        <translation>サインインはキャンセルされました</translation>
    </message>
    <message>
        <source>Method not allowed</source>
        <translation>許可されていないメソッドです</translation>
    </message>
</context>
<context>
    <name>authkit::MemorySecretStore</name>
    <message>
        <source>memory only</source>
        <translation>メモリ内のみ</translation>
    </message>
</context>
<context>
    <name>authkit::SignedOutPage</name>
    <message>
        <source>&amp;Try again</source>
        <translation>再試行(&amp;T)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>サインアウト(&amp;O)</translation>
    </message>
    <message>
        <source>Try the backend again</source>
        <translation>バックエンドで再試行</translation>
    </message>
    <message>
        <source>Send the sign-in to the Convex backend again</source>
        <translation>サインインを Convex バックエンドにもう一度送信します</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>サインアウト</translation>
    </message>
    <message>
        <source>The backend did not accept your sign-in</source>
        <translation>バックエンドがサインインを受け入れませんでした</translation>
    </message>
    <message>
        <source>Signed in to WorkOS as %1, but the Convex backend did not accept the token.</source>
        <translation>%1 として WorkOS にサインインしましたが、Convex バックエンドがトークンを受け入れませんでした。</translation>
    </message>
    <message>
        <source>Signed in to WorkOS as %1, but the Convex backend did not accept the token: %2</source>
        <translation>%1 として WorkOS にサインインしましたが、Convex バックエンドがトークンを受け入れませんでした: %2</translation>
    </message>
    <message>
        <source>Check that the deployment&apos;s auth configuration lists this client ID and issuer, then try again, or sign out.</source>
        <translation>デプロイメントの認証設定にこのクライアント ID と発行者が含まれていることを確認してから再試行するか、サインアウトしてください。</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>サインイン(&amp;S)</translation>
    </message>
    <message>
        <source>Create &amp;account</source>
        <translation>アカウントを作成(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Cancel sign-in</source>
        <translation>サインインをキャンセル(&amp;C)</translation>
    </message>
    <message>
        <source>You are signed out</source>
        <translation>サインアウトしました</translation>
    </message>
    <message>
        <source>Sign in with your AuthKit account, or create one. The sign-in page opens in its own window.</source>
        <translation>AuthKit アカウントでサインインするか、アカウントを作成してください。サインインページは専用のウィンドウで開きます。</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <source>Open the AuthKit sign-in page</source>
        <translation>AuthKit のサインインページを開きます</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>アカウントを作成</translation>
    </message>
    <message>
        <source>Open the AuthKit sign-up page</source>
        <translation>AuthKit のサインアップページを開きます</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>サインインをキャンセル</translation>
    </message>
    <message>
        <source>Finish signing in in the sign-in window, or in your browser.</source>
        <translation>サインインウィンドウまたはブラウザーでサインインを完了してください。</translation>
    </message>
    <message>
        <source>Profile in use</source>
        <translation>使用中のプロファイル</translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>サインインしていません: %1</translation>
    </message>
</context>
</TS>
