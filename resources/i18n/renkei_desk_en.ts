<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="ja_JP">
<context>
    <name>AboutDialog</name>
    <message>
        <source>バージョン情報</source>
        <translation>About Renkei Desk</translation>
    </message>
    <message>
        <source>連携デスク</source>
        <translation>Renkei Desk</translation>
    </message>
    <message>
        <source>データの場所を開く</source>
        <translation>Open the data folder</translation>
    </message>
</context>
<context>
    <name>Accessible</name>
    <message>
        <source>{0}の列見出し</source>
        <translation>{0} column headers</translation>
    </message>
    <message>
        <source>必須</source>
        <translation>required</translation>
    </message>
    <message>
        <source>{0}文字まで</source>
        <translation>up to {0} characters</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>ActionHistoryModel</name>
    <message>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>紹介先 {0}</source>
        <translation>Referred to {0}</translation>
    </message>
    <message>
        <source>回答期限 {0}</source>
        <translation>reply due {0}</translation>
    </message>
    <message>
        <source>回答待ち</source>
        <translation>Awaiting reply</translation>
    </message>
    <message>
        <source>回答 {0}</source>
        <translation>replied {0}</translation>
    </message>
    <message>
        <source>次回期限 {0}</source>
        <translation>next due {0}</translation>
    </message>
    <message>
        <source>担当 {0}</source>
        <translation>by {0}</translation>
    </message>
    <message>
        <source>&#x3000;</source>
        <translation> · </translation>
    </message>
    <message>
        <source>回答待ち（期限超過）</source>
        <translation>Awaiting reply (overdue)</translation>
    </message>
</context>
<context>
    <name>AddActionDialog</name>
    <message>
        <source>対応を追加 — {0}</source>
        <translation>Add action — {0}</translation>
    </message>
    <message>
        <source>対応日</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>次回対応期限</source>
        <translation>Next follow-up</translation>
    </message>
    <message>
        <source>所管課</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>交流自治体</source>
        <translation>Partner municipality</translation>
    </message>
    <message>
        <source>団体・その他</source>
        <translation>Organisation / other</translation>
    </message>
    <message>
        <source>回答期限</source>
        <translation>Reply due</translation>
    </message>
    <message>
        <source>紹介先</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <source>紹介先の種類</source>
        <translation>Referred to (kind)</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>最初の管理者</source>
        <translation>First administrator</translation>
    </message>
    <message>
        <source>この PC で職員の登録や設定を行う管理者を作ります。</source>
        <translation>Create the administrator who registers staff and changes settings on this PC.</translation>
    </message>
    <message>
        <source>{0}文字以上</source>
        <translation>{0} characters or more</translation>
    </message>
    <message>
        <source>ログイン名(&amp;L)</source>
        <translation>&amp;Login</translation>
    </message>
    <message>
        <source>氏名(&amp;N)</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>パスワード(&amp;P)</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>パスワード（確認）(&amp;C)</source>
        <translation>&amp;Confirm password</translation>
    </message>
    <message>
        <source>バックアップのパスワード（任意）(&amp;B)</source>
        <translation>&amp;Backup password (optional)</translation>
    </message>
    <message>
        <source>USBメモリなど、データベースのフォルダーの外へのバックアップを暗号化します。後から 設定 でも設定できます。</source>
        <translation>Encrypts backups kept outside the database folder, such as on a USB stick. It can also be set later in Settings.</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>日時</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>職員</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>対象</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>受付番号</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>項目</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>変更前</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>変更後</source>
        <translation>After</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>すべて</source>
        <translation>All</translation>
    </message>
    <message>
        <source>受付番号・項目・値</source>
        <translation>Receipt no., field or value</translation>
    </message>
    <message>
        <source>表示</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Excel出力…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>期間</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>職員</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>検索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>期間（から）</source>
        <translation>Period (from)</translation>
    </message>
    <message>
        <source>期間（まで）</source>
        <translation>Period (to)</translation>
    </message>
    <message>
        <source>操作記録をExcelに出力</source>
        <translation>Export the audit trail to Excel</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>{0} 件</source>
        <translation>{0} entries</translation>
    </message>
    <message>
        <source>{0} 件を出力しました: {1}</source>
        <translation>Exported {0} entries: {1}</translation>
    </message>
    <message>
        <source>操作記録</source>
        <translation>Audit trail</translation>
    </message>
</context>
<context>
    <name>BackupBox</name>
    <message>
        <source>バックアップと復元（管理者）</source>
        <translation>Backups and restore (administrator)</translation>
    </message>
    <message>
        <source>参照…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>保存先を変更</source>
        <translation>Change folder</translation>
    </message>
    <message>
        <source>日時</source>
        <translation>Taken</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>事務所</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>大きさ</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>今すぐバックアップ</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>選んだバックアップから復元…</source>
        <translation>Restore the chosen backup…</translation>
    </message>
    <message>
        <source>毎日最初の起動時と、取込・更新の前に自動でバックアップします（毎日7回分・毎週4回分・毎月12回分を保存）。外付けドライブを保存先にできます。復元する前に、いまのデータベースは置き換えたファイルとして残します。</source>
        <translation>A backup is made at the first start of each day and before every import and upgrade (7 daily, 4 weekly and 12 monthly are kept). The folder may be on removable media. Before a restore, the current database is kept as the replaced file.</translation>
    </message>
    <message>
        <source>保存先</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>読めません</source>
        <translation>unreadable</translation>
    </message>
    <message>
        <source>毎日</source>
        <translation>daily</translation>
    </message>
    <message>
        <source>手動</source>
        <translation>by hand</translation>
    </message>
    <message>
        <source>送付ファイル取込の前</source>
        <translation>before a sync import</translation>
    </message>
    <message>
        <source>マスタ取込の前</source>
        <translation>before a master import</translation>
    </message>
    <message>
        <source>台帳取込の前</source>
        <translation>before a ledger import</translation>
    </message>
    <message>
        <source>保存期間経過データ消去の前</source>
        <translation>before erasing expired data</translation>
    </message>
    <message>
        <source>プログラム更新の前</source>
        <translation>before an upgrade</translation>
    </message>
    <message>
        <source>バックアップの保存先</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <source>保存先を変更しました。</source>
        <translation>The backup folder was changed.</translation>
    </message>
    <message>
        <source>バックアップを作成しました。</source>
        <translation>Backup made.</translation>
    </message>
    <message>
        <source>バックアップから復元</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <source>{0} のバックアップで、いまのデータベースを置き換えます。
それ以降の入力は復元後のデータベースにはありません（置き換えたファイルは残します）。
復元しますか？</source>
        <translation>The current database will be replaced with the backup of {0}.
What was entered after it will not be in the restored database (the replaced file is kept).
Restore?</translation>
    </message>
    <message>
        <source>このデータベースのバックアップ</source>
        <translation>Backups of this database</translation>
    </message>
    <message>
        <source>別のデータベースのバックアップ（このデータベースには復元できません）</source>
        <translation>Backups of other databases (cannot be restored here)</translation>
    </message>
    <message>
        <source>バックアップのパスワードを設定…</source>
        <translation>Set the backup password…</translation>
    </message>
    <message>
        <source>バックアップのパスワード</source>
        <translation>Backup password</translation>
    </message>
    <message>
        <source>データベースのフォルダーの外へのバックアップは、このパスワードで暗号化します。忘れると復元できません。</source>
        <translation>Backups outside the database folder are encrypted with this password. If it is forgotten, they cannot be restored.</translation>
    </message>
    <message>
        <source>確認のため、もう一度入力してください。</source>
        <translation>Enter it again to confirm.</translation>
    </message>
    <message>
        <source>（研修用）</source>
        <translation> (training)</translation>
    </message>
    <message>
        <source>・暗号化</source>
        <translation>, encrypted</translation>
    </message>
    <message>
        <source>暗号化されたバックアップです。バックアップのパスワードを入力してください。</source>
        <translation>This backup is encrypted. Enter the backup password.</translation>
    </message>
    <message>
        <source>パスワードが一致しません。</source>
        <translation>The passwords do not match.</translation>
    </message>
    <message>
        <source>バックアップのパスワードを設定しました。</source>
        <translation>The backup password has been set.</translation>
    </message>
</context>
<context>
    <name>BusinessDayButtons</name>
    <message>
        <source>{0}開庁日後（土日・祝日・年末年始を除く）。欄に +{0} と入力しても同じです</source>
        <translation>{0} office days from today (weekends, national holidays and the year-end closure skipped). Typing +{0} in the box does the same</translation>
    </message>
    <message>
        <source>開庁日</source>
        <translation>office days</translation>
    </message>
</context>
<context>
    <name>CaseSheet</name>
    <message>
        <source>個人情報を含みます。取扱いに注意してください。</source>
        <translation>Contains personal information. Handle with care.</translation>
    </message>
    <message>
        <source>課長</source>
        <translation>Director</translation>
    </message>
    <message>
        <source>係長</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>担当</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>紹介先</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <source>回答期限</source>
        <translation>Reply due</translation>
    </message>
    <message>
        <source>次回期限</source>
        <translation>Next due</translation>
    </message>
</context>
<context>
    <name>CaseSheetDialog</name>
    <message>
        <source>相談票 — {0}</source>
        <translation>Case sheet — {0}</translation>
    </message>
    <message>
        <source>個人情報（氏名・連絡先・住所）を含める</source>
        <translation>Include personal information (name, contact, address)</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>印刷…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>PDFに保存…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>PDFに保存</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>相談票のプレビュー</source>
        <translation>Case sheet preview</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <source>確認</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>この内容で準備します。よろしければ「完了」を押してください。</source>
        <translation>The desk will be set up as follows. Press Finish to go ahead.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>この内容で保存</source>
        <translation>Save with these values</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ConflictQueue</name>
    <message>
        <source>競合（両方で変わった項目）</source>
        <translation>Conflicts (fields changed on both sides)</translation>
    </message>
    <message>
        <source>番号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>受付番号</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>送付元</source>
        <translation>From</translation>
    </message>
    <message>
        <source>項目</source>
        <translation>Fields</translation>
    </message>
    <message>
        <source>比べて選ぶ…</source>
        <translation>Compare and choose…</translation>
    </message>
    <message>
        <source>未解決の競合はありません。</source>
        <translation>No open conflicts.</translation>
    </message>
</context>
<context>
    <name>ConflictView</name>
    <message>
        <source>すべて「{0}」</source>
        <translation>All: {0}</translation>
    </message>
    <message>
        <source>項目</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>採る値</source>
        <translation>Value to keep</translation>
    </message>
    <message>
        <source>両方で変更: 選んでください</source>
        <translation>Changed on both sides: choose</translation>
    </message>
    <message>
        <source>片方だけの変更: 自動で統合</source>
        <translation>Changed on one side: merged</translation>
    </message>
    <message>
        <source>自動で統合</source>
        <translation>merged</translation>
    </message>
</context>
<context>
    <name>DamagedDatabaseDialog</name>
    <message>
        <source>データベースが壊れています</source>
        <translation>The database is damaged</translation>
    </message>
    <message>
        <source>&lt;b&gt;データベースが壊れているため、このままでは使えません。&lt;/b&gt;</source>
        <translation>&lt;b&gt;The database is damaged and cannot be used as it is.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>ファイル: {0}</source>
        <translation>File: {0}</translation>
    </message>
    <message>
        <source>見つかった問題: {0}</source>
        <translation>Problem found: {0}</translation>
    </message>
    <message>
        <source>最新の正常なバックアップ（{0}、{1}）から復元できます。それより後の入力は失われます。壊れたファイルは置き換えたファイルとして残します。
{2}</source>
        <translation>It can be restored from the newest sound backup ({0}, {1}). What was entered after it is lost. The damaged file is kept as the replaced file.
{2}</translation>
    </message>
    <message>
        <source>正常なバックアップが見つかりません（バックアップ先: {0}）。システム管理者に連絡してください。</source>
        <translation>No sound backup was found (backup folder: {0}). Contact the system administrator.</translation>
    </message>
    <message>
        <source>このバックアップから復元</source>
        <translation>Restore this backup</translation>
    </message>
    <message>
        <source>終了</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>復元するには、このバックアップに登録されている管理者のユーザー名とパスワードでサインインしてください。</source>
        <translation>To restore, sign in with the user name and password of an administrator registered in this backup.</translation>
    </message>
    <message>
        <source>バックアップのパスワード</source>
        <translation>Backup password</translation>
    </message>
    <message>
        <source>管理者のユーザー名</source>
        <translation>Administrator&apos;s user name</translation>
    </message>
    <message>
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>連携先の自治体（件数の多い順）</source>
        <translation>Partner municipalities (most inquiries first)</translation>
    </message>
    <message>
        <source>期間</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>新規受付</source>
        <translation>New inquiry</translation>
    </message>
    <message>
        <source>完了</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>連携成立</source>
        <translation>Matched</translation>
    </message>
    <message>
        <source>期末未完了</source>
        <translation>Still open</translation>
    </message>
    <message>
        <source>期限超過（現在）</source>
        <translation>Overdue (now)</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>日付として読めません</source>
        <translation>Not a date</translation>
    </message>
    <message>
        <source>例: 2026/10/3, R8.10.3</source>
        <translation>e.g. 2026/10/3, R8.10.3</translation>
    </message>
    <message>
        <source>日付が読めません</source>
        <translation>Cannot read the date</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>回答のあった紹介</source>
        <translation>Referral replied to</translation>
    </message>
    <message>
        <source>対応を追加</source>
        <translation>Add action</translation>
    </message>
    <message>
        <source>回答を記録</source>
        <translation>Log reply</translation>
    </message>
    <message>
        <source>状況を変更</source>
        <translation>Change status</translation>
    </message>
    <message>
        <source>編集</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>相談票</source>
        <translation>Case sheet</translation>
    </message>
    <message>
        <source>対応履歴</source>
        <translation>Action history</translation>
    </message>
    <message>
        <source>一覧から相談を選んでください</source>
        <translation>Select an inquiry in the list</translation>
    </message>
    <message>
        <source>回答を受けた日（{0}）</source>
        <translation>Date the reply came ({0})</translation>
    </message>
    <message>
        <source>回答日</source>
        <translation>Replied</translation>
    </message>
    <message>
        <source>受付の内容</source>
        <translation>Case details</translation>
    </message>
</context>
<context>
    <name>DueText</name>
    <message>
        <source>期限を{0}開庁日過ぎています</source>
        <translation>{0} office days overdue</translation>
    </message>
    <message>
        <source>本日が期限</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>期限まであと{0}開庁日</source>
        <translation>Due in {0} office days</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <source>受付簿の取込…</source>
        <translation>Import a ledger…</translation>
    </message>
    <message>
        <source>手書き・Excelの相談受付簿（.xlsx・.xls・CSV）を相談として取り込みます。</source>
        <translation>Imports a hand-kept inquiry ledger (.xlsx, .xls, CSV) as inquiries.</translation>
    </message>
</context>
<context>
    <name>ExportPanel</name>
    <message>
        <source>送付ファイルを作る</source>
        <translation>Make a package</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>支所の送付先は本庁です。</source>
        <translation>A branch sends its packages to the central office.</translation>
    </message>
    <message>
        <source>変更分</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>前回の送付以降の変更です。相手が受け取ったと知らせていない送付ファイルの分も含めます。</source>
        <translation>Changes since the previous package, and again those of any package the other office has not yet said it received.</translation>
    </message>
    <message>
        <source>全件</source>
        <translation>Everything</translation>
    </message>
    <message>
        <source>個人情報を含める（共有パスワードで暗号化）</source>
        <translation>Include personal data (encrypted with the shared password)</translation>
    </message>
    <message>
        <source>送付ファイルを作成…</source>
        <translation>Make the package…</translation>
    </message>
    <message>
        <source>送付先</source>
        <translation>To</translation>
    </message>
    <message>
        <source>範囲</source>
        <translation>Range</translation>
    </message>
    <message>
        <source>送付ファイルの保存先</source>
        <translation>Save the package as</translation>
    </message>
    <message>
        <source>Excel ブック (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>共有パスワードが設定されていないため、個人情報は含められません。管理者が「設定」で設定してください。</source>
        <translation>No shared password is set, so personal data cannot be included. An administrator sets it in Settings.</translation>
    </message>
    <message>
        <source>個人情報を含むファイルは、共有パスワードがないと開けません。</source>
        <translation>A package with personal data cannot be opened without the shared password.</translation>
    </message>
    <message>
        <source>作成しました: {0}（{1} への送付 {2}、受付 {3} 件・対応 {4} 件・相談者 {5} 件）</source>
        <translation>Written: {0} (package {2} to {1}: {3} inquiries, {4} actions, {5} inquirers)</translation>
    </message>
</context>
<context>
    <name>FieldChart</name>
    <message>
        <source>連携分野別 上位10（複数選択）</source>
        <translation>Top 10 fields (several per inquiry)</translation>
    </message>
    <message>
        <source>件数</source>
        <translation>Count</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>件名・内容・相談者・受付番号・電話</source>
        <translation>Search subject, content, inquirer, receipt no., phone</translation>
    </message>
    <message>
        <source>期間（から）</source>
        <translation>Period (from)</translation>
    </message>
    <message>
        <source>期間（まで）</source>
        <translation>Period (to)</translation>
    </message>
    <message>
        <source>開始日</source>
        <translation>From</translation>
    </message>
    <message>
        <source>終了日</source>
        <translation>To</translation>
    </message>
    <message>
        <source>期限超過のみ</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>条件をクリア</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>未完了すべて</source>
        <translation>All open</translation>
    </message>
    <message>
        <source>都道府県・市区町村</source>
        <translation>Prefecture or municipality</translation>
    </message>
    <message>
        <source>協定先の名前・よみ</source>
        <translation>Agreement body name or reading</translation>
    </message>
    <message>
        <source>自治体</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>協定先</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>期間</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>事務所</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>分野</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>連携の型</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>相談者区分</source>
        <translation>Inquirer type</translation>
    </message>
    <message>
        <source>すべて</source>
        <translation>All</translation>
    </message>
    <message>
        <source>検索</source>
        <translation>Search</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>連携デスク — 初回設定</source>
        <translation>Renkei Desk — first set-up</translation>
    </message>
    <message>
        <source>この PC の連携デスクを設定します。最初の管理者 admin のパスワード（10文字以上）を決めてください。職員のアカウントは、サインイン後に設定画面で追加できます。</source>
        <translation>Set up Renkei Desk on this PC. Choose the password of the first administrator admin (at least 10 characters). Staff accounts are added in the settings after signing in.</translation>
    </message>
    <message>
        <source>事務所</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>admin のパスワード</source>
        <translation>Password of admin</translation>
    </message>
    <message>
        <source>もう一度</source>
        <translation>Again</translation>
    </message>
    <message>
        <source>設定して開始</source>
        <translation>Set up and start</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>連携デスクの初期設定</source>
        <translation>Setting up Renkei Desk</translation>
    </message>
    <message>
        <source>&lt; 戻る(&amp;B)</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>次へ(&amp;N) &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>完了(&amp;F)</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>準備しています…</source>
        <translation>Setting up…</translation>
    </message>
    <message>
        <source>事務所: {0}</source>
        <translation>Office: {0}</translation>
    </message>
    <message>
        <source>管理者: {0}（{1}）</source>
        <translation>Administrator: {0} ({1})</translation>
    </message>
    <message>
        <source>マスタパッケージ: {0}</source>
        <translation>Master package: {0}</translation>
    </message>
    <message>
        <source>なし（同梱のマスタ）</source>
        <translation>none (the masters shipped with the program)</translation>
    </message>
    <message>
        <source>研修用データベース: {0}</source>
        <translation>Training database: {0}</translation>
    </message>
    <message>
        <source>作らない</source>
        <translation>none</translation>
    </message>
    <message>
        <source>データベース: {0}</source>
        <translation>Database: {0}</translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <source>期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>残り</source>
        <translation>When</translation>
    </message>
    <message>
        <source>区分</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>受付番号</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>件名</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>相談者</source>
        <translation>Inquirer</translation>
    </message>
    <message>
        <source>紹介先</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>回答待ち</source>
        <translation>Awaiting reply</translation>
    </message>
    <message>
        <source>次回対応</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>{0}日超過</source>
        <translation>{0} days late</translation>
    </message>
    <message>
        <source>本日</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>あと{0}日</source>
        <translation>in {0} days</translation>
    </message>
</context>
<context>
    <name>FollowUpsPage</name>
    <message>
        <source>{0}日以内</source>
        <translation>Within {0} days</translation>
    </message>
    <message>
        <source>再読込</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>範囲</source>
        <translation>Range</translation>
    </message>
    <message>
        <source>先頭 {0}</source>
        <translation>first {0}</translation>
    </message>
    <message>
        <source>{0}件（うち期限超過 {1}件）</source>
        <translation>{0} items ({1} overdue)</translation>
    </message>
    <message>
        <source>対応予定</source>
        <translation>Follow-ups</translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <source>取り込む</source>
        <translation>Import packages</translation>
    </message>
    <message>
        <source>ファイルを選ぶ…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <source>取込</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>中止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>送付ファイルはこの画面にドラッグ＆ドロップでも選べます。</source>
        <translation>You can also drop package files onto this screen.</translation>
    </message>
    <message>
        <source>編集を承認して取込</source>
        <translation>Accept the edits and import</translation>
    </message>
    <message>
        <source>取り込む送付ファイル</source>
        <translation>Packages to import</translation>
    </message>
    <message>
        <source>Excel ブック (*.xlsx);;すべてのファイル (*)</source>
        <translation>Excel workbook (*.xlsx);;All files (*)</translation>
    </message>
    <message>
        <source>%v / %m ファイル</source>
        <translation>%v / %m files</translation>
    </message>
    <message>
        <source>試行しています（書き込みません）…</source>
        <translation>Trying (nothing is written)…</translation>
    </message>
    <message>
        <source>取り込んでいます…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source> ほか {0} 行</source>
        <translation> and {0} more rows</translation>
    </message>
    <message>
        <source>書き出した後に編集されたファイルがあります。編集された行: {0}
承認すると、編集前に書き出された内容を取り込み、承認したことを監査記録に残します。</source>
        <translation>A file was edited after it was exported. Edited rows: {0}
If you accept, the content as exported (not the edits) is imported, and your acceptance is written to the audit log.</translation>
    </message>
    <message>
        <source>追加 {0}・更新 {1}・統合 {2}・変更なし {3}・古い版 {4}・競合 {5}</source>
        <translation>inserted {0}, updated {1}, merged {2}, unchanged {3}, stale {4}, conflicts {5}</translation>
    </message>
    <message>
        <source>試行を中止しました（{0} ファイルは未確認）。</source>
        <translation>The trial run was stopped ({0} files not checked).</translation>
    </message>
    <message>
        <source>試行の結果です（まだ書き込んでいません）: {0}</source>
        <translation>Trial run (nothing written yet): {0}</translation>
    </message>
    <message>
        <source>。取り込めないファイル: {0}</source>
        <translation>. Files that cannot be imported: {0}</translation>
    </message>
    <message>
        <source>。確かめてから「取込」を押してください。</source>
        <translation>. Check it, then press Import.</translation>
    </message>
    <message>
        <source>取り込みました: {0}</source>
        <translation>Imported: {0}</translation>
    </message>
    <message>
        <source>。競合は下の一覧で解決してください。</source>
        <translation>. Resolve the conflicts in the list below.</translation>
    </message>
    <message>
        <source>。中止したため {0} ファイルは取り込んでいません。</source>
        <translation>. Stopped: {0} files were not imported.</translation>
    </message>
</context>
<context>
    <name>ImportReportView</name>
    <message>
        <source>受付</source>
        <translation>Inquiries</translation>
    </message>
    <message>
        <source>対応</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>相談者</source>
        <translation>Inquirers</translation>
    </message>
    <message>
        <source>追加</source>
        <translation>Inserted</translation>
    </message>
    <message>
        <source>更新</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>統合</source>
        <translation>Merged</translation>
    </message>
    <message>
        <source>変更なし</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>古い版</source>
        <translation>Stale</translation>
    </message>
    <message>
        <source>競合</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>拒否</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>ファイル・種類</source>
        <translation>File / kind</translation>
    </message>
    <message>
        <source>{0}: 取り込めません</source>
        <translation>{0}: cannot be imported</translation>
    </message>
    <message>
        <source>{0}（{1} からの送付 {2}）</source>
        <translation>{0} (package {2} from {1})</translation>
    </message>
    <message>
        <source>取込結果</source>
        <translation>Import results</translation>
    </message>
</context>
<context>
    <name>InquirerSection</name>
    <message>
        <source>相談者</source>
        <translation>Inquirer</translation>
    </message>
    <message>
        <source>紐付けを解除</source>
        <translation>Unlink</translation>
    </message>
    <message>
        <source>相談者区分</source>
        <translation>Inquirer type</translation>
    </message>
    <message>
        <source>団体名</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>フリガナ</source>
        <translation>Reading (kana)</translation>
    </message>
    <message>
        <source>電話</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>メール</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>郵便番号</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <source>住所</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>法人番号</source>
        <translation>Corporate no.</translation>
    </message>
    <message>
        <source>13桁</source>
        <translation>13 digits</translation>
    </message>
    <message>
        <source>既存の相談者に紐付け中: {0}</source>
        <translation>Linked to existing inquirer: {0}</translation>
    </message>
    <message>
        <source>新しい相談者として登録します</source>
        <translation>Will be registered as a new inquirer</translation>
    </message>
</context>
<context>
    <name>InquiryListModel</name>
    <message>
        <source>期限を過ぎています</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>{0} 超過</source>
        <translation>{0} overdue</translation>
    </message>
    <message>
        <source>期限超過</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>InquiryListPage</name>
    <message>
        <source>新規受付 (Ctrl+N)</source>
        <translation>New inquiry (Ctrl+N)</translation>
    </message>
    <message>
        <source>【研修用】デモデータの入った研修用データベースです。実際の相談は記録しないでください。</source>
        <translation>[Training] This is a training database with demo data. Do not record real cases in it.</translation>
    </message>
    <message>
        <source>{0}件</source>
        <translation>{0} items</translation>
    </message>
    <message>
        <source>…件</source>
        <translation>… items</translation>
    </message>
    <message>
        <source>本日期限 {0}件&#x3000;期限超過 {1}件</source>
        <translation>Due today: {0}&#x3000;Overdue: {1}</translation>
    </message>
    <message>
        <source>対応予定を見る</source>
        <translation>Show follow-ups</translation>
    </message>
    <message>
        <source>受付一覧</source>
        <translation>Inquiries</translation>
    </message>
    <message>
        <source>受付番号と件名を読み上げます。Enterで内容へ</source>
        <translation>Says each case&apos;s receipt number and subject. Enter opens the case.</translation>
    </message>
</context>
<context>
    <name>InquirySection</name>
    <message>
        <source>受付</source>
        <translation>Reception</translation>
    </message>
    <message>
        <source>相談内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>対応</source>
        <translation>Handling</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>保存して次へ (Ctrl+Enter)</source>
        <translation>Save and next (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>新規受付</source>
        <translation>New inquiry</translation>
    </message>
    <message>
        <source>入力の破棄</source>
        <translation>Discard input</translation>
    </message>
    <message>
        <source>保存していない入力があります。破棄してよろしいですか？</source>
        <translation>There is unsaved input. Discard it?</translation>
    </message>
    <message>
        <source>受付番号 {0} で保存しました</source>
        <translation>Saved as {0}</translation>
    </message>
    <message>
        <source>保存できませんでした。赤字の項目を確認してください（{0}件）。</source>
        <translation>Not saved. Check the fields in red ({0}).</translation>
    </message>
    <message>
        <source>受付番号 {0} を編集</source>
        <translation>Editing {0}</translation>
    </message>
    <message>
        <source>入力の復元</source>
        <translation>Restore input</translation>
    </message>
    <message>
        <source>前回保存されなかった入力が残っています。復元しますか？</source>
        <translation>Unsaved input from last time was kept. Restore it?</translation>
    </message>
    <message>
        <source>前回の入力のあと、{0} はほかで変更されています。どちらの値を残すか選んでください。</source>
        <translation>{0} was changed elsewhere after this input was left unsaved. Choose which value to keep.</translation>
    </message>
    <message>
        <source>前回の入力を復元しました（まだ保存されていません）</source>
        <translation>Restored the previous input (not saved yet)</translation>
    </message>
</context>
<context>
    <name>JapanMap</name>
    <message>
        <source>{0}: {1}件</source>
        <translation>{0}: {1}</translation>
    </message>
</context>
<context>
    <name>LedgerMappingPage</name>
    <message>
        <source>列と項目の対応</source>
        <translation>Columns and fields</translation>
    </message>
    <message>
        <source>見出しの語から項目を選びました。違う列は右の欄で直してください。</source>
        <translation>Fields were chosen from the header words. Correct any column in the right-hand box.</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>見出し</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>例</source>
        <translation>Examples</translation>
    </message>
    <message>
        <source>取り込む項目</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>項目</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>受付簿の値</source>
        <translation>Value in the ledger</translation>
    </message>
    <message>
        <source>区分</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>例: 芝の受付簿</source>
        <translation>e.g. Shiba ledger</translation>
    </message>
    <message>
        <source>この設定を保存</source>
        <translation>Save these settings</translation>
    </message>
    <message>
        <source>「完了」「済」「終了」の状況</source>
        <translation>Status for 完了 / 済 / 終了</translation>
    </message>
    <message>
        <source>設定の名前</source>
        <translation>Profile name</translation>
    </message>
    <message>
        <source>区分に当てはまらなかった値（空欄のままなら「その他」）</source>
        <translation>Values that match no term (left empty: Other)</translation>
    </message>
    <message>
        <source>（取り込まない）</source>
        <translation>(not imported)</translation>
    </message>
    <message>
        <source>（その他・空欄のまま）</source>
        <translation>(Other / left empty)</translation>
    </message>
    <message>
        <source>区分に当てはまらなかった値</source>
        <translation>Values that matched no category</translation>
    </message>
</context>
<context>
    <name>LedgerWizard</name>
    <message>
        <source>受付簿の取込</source>
        <translation>Import a ledger</translation>
    </message>
    <message>
        <source>次へ（試行）</source>
        <translation>Next (dry run)</translation>
    </message>
    <message>
        <source>戻る</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>保存しました</source>
        <translation>Saved</translation>
    </message>
</context>
<context>
    <name>LockPanel</name>
    <message>
        <source>画面をロックしました</source>
        <translation>The desk is locked</translation>
    </message>
    <message>
        <source>{0}（{1}）のパスワードを入力して再開してください。</source>
        <translation>Enter the password of {0} ({1}) to go on.</translation>
    </message>
    <message>
        <source>ロック解除</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>別の職員でサインイン</source>
        <translation>Sign in as someone else</translation>
    </message>
    <message>
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>連携デスク【研修用】 — {0}</source>
        <translation>Renkei Desk [Training] — {0}</translation>
    </message>
    <message>
        <source>連携デスク — {0}</source>
        <translation>Renkei Desk — {0}</translation>
    </message>
    <message>
        <source>受付一覧</source>
        <translation>Inquiries</translation>
    </message>
    <message>
        <source>新規受付</source>
        <translation>New inquiry</translation>
    </message>
    <message>
        <source>対応予定</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>ダッシュボード</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>報告書作成</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>取込・送付</source>
        <translation>Import / send</translation>
    </message>
    <message>
        <source>マスタ</source>
        <translation>Masters</translation>
    </message>
    <message>
        <source>設定</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>競合 {0} 件</source>
        <translation>Conflicts: {0}</translation>
    </message>
    <message>
        <source>操作記録</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>ヘルプ(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>バージョン情報(&amp;A)</source>
        <translation>&amp;About Renkei Desk</translation>
    </message>
    <message>
        <source>データベースの更新</source>
        <translation>Database upgraded</translation>
    </message>
    <message>
        <source>サインイン中: {0}（{1}・{2}）</source>
        <translation>Signed in: {0} ({1}, {2})</translation>
    </message>
    <message>
        <source>サインアウト</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>画面</source>
        <translation>Screens</translation>
    </message>
</context>
<context>
    <name>MastersPackagePage</name>
    <message>
        <source>マスタパッケージ（任意）</source>
        <translation>Master package (optional)</translation>
    </message>
    <message>
        <source>本庁から届いたマスタパッケージ（.xlsx）があれば選んでください。なければ空欄のまま次へ進みます（プログラムに入っているマスタを使います）。</source>
        <translation>If the central office sent a master package (.xlsx), choose it. Otherwise leave this empty and go on (the masters shipped with the program are used).</translation>
    </message>
    <message>
        <source>ファイルを選ぶか、場所を入力</source>
        <translation>Choose a file or type its path</translation>
    </message>
    <message>
        <source>参照(&amp;B)...</source>
        <translation>&amp;Browse...</translation>
    </message>
    <message>
        <source>ファイルがありません: {0}</source>
        <translation>There is no file at {0}</translation>
    </message>
    <message>
        <source>マスタパッケージを選ぶ</source>
        <translation>Choose the master package</translation>
    </message>
    <message>
        <source>Excel ファイル (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>MastersPage</name>
    <message>
        <source>コード</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>英語名</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>種別</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>表示名</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>英語表示名</source>
        <translation>English label</translation>
    </message>
    <message>
        <source>都道府県</source>
        <translation>Prefecture</translation>
    </message>
    <message>
        <source>よみ</source>
        <translation>Reading</translation>
    </message>
    <message>
        <source>締結日</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>構成団体数</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>自治体</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>きっかけ</source>
        <translation>How it began</translation>
    </message>
    <message>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>名称・よみ・コードで検索（例: くしろ、釧路、01206）</source>
        <translation>Search by name, reading or code (e.g. くしろ, 釧路, 01206)</translation>
    </message>
    <message>
        <source>事務所一覧</source>
        <translation>Offices</translation>
    </message>
    <message>
        <source>語彙</source>
        <translation>Vocabularies</translation>
    </message>
    <message>
        <source>自治体検索</source>
        <translation>Municipality search</translation>
    </message>
    <message>
        <source>協定先</source>
        <translation>Agreement bodies</translation>
    </message>
    <message>
        <source>交流自治体</source>
        <translation>Partner municipalities</translation>
    </message>
    <message>
        <source>広域連携協定</source>
        <translation>Wide-area agreement</translation>
    </message>
    <message>
        <source>包括連携協定</source>
        <translation>Comprehensive agreement</translation>
    </message>
    <message>
        <source>{0}件</source>
        <translation>{0} items</translation>
    </message>
    <message>
        <source>本庁</source>
        <translation>Head office</translation>
    </message>
    <message>
        <source>支所</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>{0}（{1} 廃止）</source>
        <translation>{0} (abolished {1})</translation>
    </message>
    <message>
        <source>政令指定都市</source>
        <translation>Designated city</translation>
    </message>
    <message>
        <source>行政区</source>
        <translation>Ward (city)</translation>
    </message>
    <message>
        <source>特別区</source>
        <translation>Special ward</translation>
    </message>
    <message>
        <source>市</source>
        <translation>City</translation>
    </message>
    <message>
        <source>町</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>対応の種類</source>
        <translation>Action kinds</translation>
    </message>
</context>
<context>
    <name>MonthChart</name>
    <message>
        <source>月別・連携の型別 新規受付</source>
        <translation>New inquiries by month and relationship</translation>
    </message>
    <message>
        <source>未設定</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>年/月</source>
        <translation>Year/month</translation>
    </message>
    <message>
        <source>月</source>
        <translation>Month</translation>
    </message>
</context>
<context>
    <name>MunicipalityPicker</name>
    <message>
        <source>自治体名・よみ・コードで検索</source>
        <translation>Search municipality by name, reading or code</translation>
    </message>
    <message>
        <source>Delete キーまたはダブルクリックで外します</source>
        <translation>Press Delete or double-click to remove</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>事務所</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>この PC を使う事務所を選んでください。あとから変えられません。</source>
        <translation>Choose the office this PC belongs to. It cannot be changed later.</translation>
    </message>
    <message>
        <source>事務所(&amp;O)</source>
        <translation>&amp;Office</translation>
    </message>
    <message>
        <source>支所の PC には自分の支所の相談だけが入ります。本庁の PC は各支所から届いた送付ファイルを取り込み、報告書をまとめます。</source>
        <translation>A branch office&apos;s PC holds that branch&apos;s inquiries only. The central office&apos;s PC imports the packages the branches send and makes the reports.</translation>
    </message>
</context>
<context>
    <name>PackagePasswordBox</name>
    <message>
        <source>送付ファイルの共有パスワード（管理者）</source>
        <translation>Shared package password (administrator)</translation>
    </message>
    <message>
        <source>パスワードを設定</source>
        <translation>Set the password</translation>
    </message>
    <message>
        <source>すべての事務所で同じパスワードを設定します。個人情報を含む送付ファイルの暗号化と、区外で作られたファイルの見分けに使います。{0}文字以上。</source>
        <translation>Every office sets the same password. It encrypts packages with personal data and tells packages made outside the ward apart. At least {0} characters.</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>State</translation>
    </message>
    <message>
        <source>新しいパスワード</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>もう一度</source>
        <translation>Again</translation>
    </message>
    <message>
        <source>設定されています</source>
        <translation>Set</translation>
    </message>
    <message>
        <source>設定されていません</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>共有パスワードを設定しました。</source>
        <translation>The shared password is set.</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>今月</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>今年度</source>
        <translation>This fiscal year</translation>
    </message>
    <message>
        <source>期間を指定</source>
        <translation>Dates…</translation>
    </message>
    <message>
        <source>開始日</source>
        <translation>From</translation>
    </message>
    <message>
        <source>終了日</source>
        <translation>To</translation>
    </message>
    <message>
        <source>表示</source>
        <translation>Show</translation>
    </message>
</context>
<context>
    <name>PlaceRanking</name>
    <message>
        <source>順位</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>自治体</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>件数</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>自治体別の件数（上位）</source>
        <translation>Inquiries by municipality (top)</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>月次報告</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <source>年度報告</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>例: 2026-10</source>
        <translation>e.g. 2026-10</translation>
    </message>
    <message>
        <source>例: 2026（令和8年度）</source>
        <translation>e.g. 2026 (FY starting April)</translation>
    </message>
    <message>
        <source>すべての事務所</source>
        <translation>All offices</translation>
    </message>
    <message>
        <source>相談者の個人情報を一覧に含める（共有パスワードで暗号化）</source>
        <translation>Include the inquirers&apos; personal fields in the list (encrypted with the shared password)</translation>
    </message>
    <message>
        <source>Excel で作成…</source>
        <translation>Write Excel…</translation>
    </message>
    <message>
        <source>PDF で作成…</source>
        <translation>Write PDF…</translation>
    </message>
    <message>
        <source>報告書を作成する</source>
        <translation>Make a report</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>月（YYYY-MM）</source>
        <translation>Month (YYYY-MM)</translation>
    </message>
    <message>
        <source>年度（開始年）</source>
        <translation>Fiscal year (first year)</translation>
    </message>
    <message>
        <source>事務所</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel ブック (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>報告書の保存先</source>
        <translation>Save the report as</translation>
    </message>
    <message>
        <source>（個人情報を含む・暗号化済み）</source>
        <translation> (with personal data, encrypted)</translation>
    </message>
    <message>
        <source>作成しました: {0}{1}
新規受付 {2} 件・完了 {3} 件・連携成立 {4} 件</source>
        <translation>Written: {0}{1}
New {2}, closed {3}, matched {4}</translation>
    </message>
</context>
<context>
    <name>RetentionBox</name>
    <message>
        <source>個人情報の保存期間（管理者）</source>
        <translation>Retention of personal data (administrators)</translation>
    </message>
    <message>
        <source> 年</source>
        <translation> years</translation>
    </message>
    <message>
        <source>期間を保存</source>
        <translation>Save period</translation>
    </message>
    <message>
        <source>対象を数える</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>消去を実行</source>
        <translation>Erase</translation>
    </message>
    <message>
        <source>完了してから保存期間を過ぎた相談の相談者について、氏名・フリガナ・電話番号・メールアドレス・郵便番号・住所を消去します。まだ対応中か期間内の相談がある相談者は対象外です。件数などの統計は変わりません。消去は送付ファイルで本庁にも伝わり、元に戻せません。起動時に1日1回自動で行います。</source>
        <translation>Erases the name, reading, phone, e-mail, postal code and address of inquirers whose cases closed longer ago than the retention period. Inquirers with a case still open or within the period are kept. Counts and statistics do not change. The erasure reaches the central office in the next package and cannot be undone. It also runs by itself once a day at start.</translation>
    </message>
    <message>
        <source>保存期間</source>
        <translation>Retention period</translation>
    </message>
    <message>
        <source>前回の自動実行</source>
        <translation>Last daily run</translation>
    </message>
    <message>
        <source>今すぐ消去</source>
        <translation>Erase now</translation>
    </message>
    <message>
        <source>保存期間を {0} 年にしました。</source>
        <translation>The retention period is now {0} years.</translation>
    </message>
    <message>
        <source>{0} より前に完了した相談の相談者 {1} 人（相談 {2} 件）が対象です。</source>
        <translation>{1} inquirers whose cases closed before {0} ({2} inquiries) would be erased. </translation>
    </message>
    <message>
        <source>消去するものはありません。</source>
        <translation>There is nothing to erase.</translation>
    </message>
    <message>
        <source>相談者 {0} 人（相談 {1} 件）の個人情報を消去しました。</source>
        <translation>Erased the personal data of {0} inquirers ({1} inquiries).</translation>
    </message>
    <message>
        <source>まだありません</source>
        <translation>Not yet</translation>
    </message>
</context>
<context>
    <name>SavingDialog</name>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>言語を切り替えると画面を作り直します。文字の大きさはすぐに反映されます。</source>
        <translation>Switching the language rebuilds the window. The font size applies at once.</translation>
    </message>
    <message>
        <source>表示言語</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>文字の大きさ</source>
        <translation>Font size</translation>
    </message>
    <message>
        <source> 分</source>
        <translation> min</translation>
    </message>
    <message>
        <source>操作がないとき画面をロック</source>
        <translation>Lock the desk when idle for</translation>
    </message>
    <message>
        <source>画面ロックまでの上限（全職員）</source>
        <translation>Longest time before the lock (all staff)</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>連携デスク — サインイン</source>
        <translation>Renkei Desk — sign in</translation>
    </message>
    <message>
        <source>ユーザー名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>サインイン</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>研修用データベースです。次の研修用アカウントでサインインできます（パスワードはいずれも &lt;b&gt;{0}&lt;/b&gt;）:&lt;br&gt;{1}</source>
        <translation>This is a training database. Sign in with one of its training accounts (the password of each is &lt;b&gt;{0}&lt;/b&gt;):&lt;br&gt;{1}</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>職員の追加</source>
        <translation>Add a member of staff</translation>
    </message>
    <message>
        <source>パスワードの変更</source>
        <translation>Change the password</translation>
    </message>
    <message>
        <source>ユーザー名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>権限</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>パスワード（10文字以上）</source>
        <translation>Password (10 characters or more)</translation>
    </message>
    <message>
        <source>もう一度</source>
        <translation>Again</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StaffSection</name>
    <message>
        <source>職員アカウント</source>
        <translation>Staff accounts</translation>
    </message>
    <message>
        <source>ユーザー名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>権限</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>State</translation>
    </message>
    <message>
        <source>追加…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>無効にする</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>ロック解除</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>パスワード変更…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <source>無効</source>
        <translation>disabled</translation>
    </message>
    <message>
        <source>失敗{0}回・待ち時間あり</source>
        <translation>{0} failures, slowed down</translation>
    </message>
</context>
<context>
    <name>StaleEdit</name>
    <message>
        <source>保存する前に選んでください</source>
        <translation>Choose before saving</translation>
    </message>
    <message>
        <source>自分の入力</source>
        <translation>My input</translation>
    </message>
    <message>
        <source>保存済みの値</source>
        <translation>Stored value</translation>
    </message>
    <message>
        <source>自分の入力を残す</source>
        <translation>Keep my input</translation>
    </message>
    <message>
        <source>保存済みの値を採る</source>
        <translation>Take the stored value</translation>
    </message>
</context>
<context>
    <name>StatusChart</name>
    <message>
        <source>状況別（現在）</source>
        <translation>By status (now)</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>状況を変更 — {0}</source>
        <translation>Change status — {0}</translation>
    </message>
    <message>
        <source>現在の状況</source>
        <translation>Current status</translation>
    </message>
    <message>
        <source>新しい状況</source>
        <translation>New status</translation>
    </message>
    <message>
        <source>結果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>完了にするには結果を入力してください。</source>
        <translation>Enter the outcome to close the case.</translation>
    </message>
    <message>
        <source>完了した相談を再開します（記録されます）。</source>
        <translation>Reopens a closed case (this is logged).</translation>
    </message>
</context>
<context>
    <name>SuggestionPanel</name>
    <message>
        <source>以前の相談者の候補</source>
        <translation>Earlier inquirers who may match</translation>
    </message>
    <message>
        <source>この相談者にする</source>
        <translation>Use this inquirer</translation>
    </message>
    <message>
        <source>この2件を統合</source>
        <translation>Merge these two</translation>
    </message>
    <message>
        <source>一致する相談者はいません</source>
        <translation>No matching inquirer</translation>
    </message>
    <message>
        <source>氏名・団体名</source>
        <translation>Name / organisation</translation>
    </message>
    <message>
        <source>フリガナ</source>
        <translation>Reading (kana)</translation>
    </message>
    <message>
        <source>電話</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>法人番号</source>
        <translation>Corporate no.</translation>
    </message>
    <message>
        <source>相談{0}件</source>
        <translation>{0} inquiries</translation>
    </message>
    <message>
        <source>一致: {0}</source>
        <translation>Match: {0}</translation>
    </message>
    <message>
        <source>「{0}」を「{1}」に統合します。
「{0}」の相談はすべて「{1}」に移ります。統合は元に戻せません。よろしいですか？</source>
        <translation>Merge &quot;{0}&quot; into &quot;{1}&quot;.
All inquiries of &quot;{0}&quot; move to &quot;{1}&quot;. A merge cannot be undone. Continue?</translation>
    </message>
    <message>
        <source>相談者の統合</source>
        <translation>Merge inquirers</translation>
    </message>
    <message>
        <source>同じ相談者の候補</source>
        <translation>Possible earlier inquirers</translation>
    </message>
</context>
<context>
    <name>SyncConflict</name>
    <message>
        <source>受付</source>
        <translation>Inquiry</translation>
    </message>
    <message>
        <source>対応</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>相談者</source>
        <translation>Inquirer</translation>
    </message>
    <message>
        <source>{0}（{1}）: {2}から届いた版とこの事務所の版で、同じ項目が違う値に変わっています（{3} 項目）。項目ごとに残す値を選んでください。選んだ結果は次の送付で{2}にも届きます。</source>
        <translation>{0} ({1}): the version from {2} and this office&apos;s version changed the same fields to different values ({3} fields). Choose the value to keep for each; your choice reaches {2} with the next package.</translation>
    </message>
    <message>
        <source>個人情報は送られていないため比べていません。</source>
        <translation> Personal data was not sent, so it is not compared.</translation>
    </message>
    <message>
        <source>競合を解決する — {0}</source>
        <translation>Resolve a conflict — {0}</translation>
    </message>
    <message>
        <source>この事務所の値</source>
        <translation>This office</translation>
    </message>
    <message>
        <source>{0}から届いた値</source>
        <translation>From {0}</translation>
    </message>
    <message>
        <source>こちらを残す</source>
        <translation>Keep ours</translation>
    </message>
    <message>
        <source>届いた値を採る</source>
        <translation>Take theirs</translation>
    </message>
    <message>
        <source>削除済み</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>削除されていない</source>
        <translation>Not deleted</translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <source>研修用データベース</source>
        <translation>Training database</translation>
    </message>
    <message>
        <source>操作の練習に使う、デモデータ入りのデータベースを作れます。</source>
        <translation>A database with demo data can be made, to practise on.</translation>
    </message>
    <message>
        <source>研修用データベースを作る（デモデータ入り）(&amp;T)</source>
        <translation>Make a &amp;training database (with demo data)</translation>
    </message>
    <message>
        <source>研修用は事務所のデータベースとは別のファイルです（{0}）。スタートメニューの「連携デスク（研修用）」で開き、画面に【研修用】と表示されます。実際の相談は記録しないでください。</source>
        <translation>The training database is a file of its own ({0}). It opens from the Start menu&apos;s &quot;Renkei Desk (Training)&quot; and every screen shows [Training]. Do not record real inquiries in it.</translation>
    </message>
</context>
<context>
    <name>_FilePage</name>
    <message>
        <source>受付簿のファイル</source>
        <translation>Ledger file</translation>
    </message>
    <message>
        <source>Excel（.xlsx・.xls）か CSV の受付簿を選んでください。見出しの行は自動で探します。</source>
        <translation>Choose the ledger, Excel (.xlsx, .xls) or CSV. The header row is found automatically.</translation>
    </message>
    <message>
        <source>選ぶ…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>（見出しのある最初のシート）</source>
        <translation>(the first sheet with headers)</translation>
    </message>
    <message>
        <source>ファイル</source>
        <translation>File</translation>
    </message>
    <message>
        <source>取込設定</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>シート</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>（なし: 見出しの語で対応づける）</source>
        <translation>(none: map by the header words)</translation>
    </message>
    <message>
        <source>受付簿 (*.xlsx *.xls *.csv);;すべてのファイル (*)</source>
        <translation>Ledgers (*.xlsx *.xls *.csv);;All files (*)</translation>
    </message>
</context>
<context>
    <name>_ReportPage</name>
    <message>
        <source>確認と取込</source>
        <translation>Check and import</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>値</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>重複候補も取り込む</source>
        <translation>Import possible duplicates too</translation>
    </message>
    <message>
        <source>取込</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>取り込めなかった行を保存…</source>
        <translation>Save the refused rows…</translation>
    </message>
    <message>
        <source>取り込みました。</source>
        <translation>Imported.</translation>
    </message>
    <message>
        <source>試行の結果です（まだ書き込んでいません）。</source>
        <translation>Dry run result (nothing written yet).</translation>
    </message>
    <message>
        <source>取込不可</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>その他として取込</source>
        <translation>Imported as Other</translation>
    </message>
    <message>
        <source>メモに残して取込</source>
        <translation>Kept in notes</translation>
    </message>
    <message>
        <source>取り込めなかった行の保存先</source>
        <translation>Save the refused rows to</translation>
    </message>
    <message>
        <source>Excel ブック (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>取り込めない行</source>
        <translation>Rows that cannot be imported</translation>
    </message>
</context>
</TS>
