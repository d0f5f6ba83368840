<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="ja_JP">
<context>
    <name>AboutDialog</name>
    <message>
        <source>バージョン情報</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>連携デスク</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>データの場所を開く</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Accessible</name>
    <message>
        <source>{0}の列見出し</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>必須</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}文字まで</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>、</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActionHistoryModel</name>
    <message>
        <source>日付</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>紹介先 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>回答期限 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>回答待ち（期限超過）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>回答待ち</source>
        <translation>回答待ち</translation>
    </message>
    <message>
        <source>回答 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>次回期限 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>担当 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&#x3000;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddActionDialog</name>
    <message>
        <source>対応を追加 — {0}</source>
        <translation>対応を追加 — {0}</translation>
    </message>
    <message>
        <source>対応日</source>
        <translation>対応日</translation>
    </message>
    <message>
        <source>次回対応期限</source>
        <translation>次回対応期限</translation>
    </message>
    <message>
        <source>所管課</source>
        <translation>所管課</translation>
    </message>
    <message>
        <source>交流自治体</source>
        <translation>交流自治体</translation>
    </message>
    <message>
        <source>団体・その他</source>
        <translation>団体・その他</translation>
    </message>
    <message>
        <source>回答期限</source>
        <translation>回答期限</translation>
    </message>
    <message>
        <source>紹介先</source>
        <translation>紹介先</translation>
    </message>
    <message>
        <source>紹介先の種類</source>
        <translation>紹介先の種類</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>最初の管理者</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>この PC で職員の登録や設定を行う管理者を作ります。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}文字以上</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ログイン名(&amp;L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>氏名(&amp;N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>パスワード(&amp;P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>パスワード（確認）(&amp;C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>バックアップのパスワード（任意）(&amp;B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USBメモリなど、データベースのフォルダーの外へのバックアップを暗号化します。後から 設定 でも設定できます。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>日時</source>
        <translation type="unfinished">日時</translation>
    </message>
    <message>
        <source>職員</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>対象</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受付番号</source>
        <translation type="unfinished">受付番号</translation>
    </message>
    <message>
        <source>項目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>変更前</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>変更後</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>すべて</source>
        <translation type="unfinished">すべて</translation>
    </message>
    <message>
        <source>受付番号・項目・値</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表示</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel出力…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作記録</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期間</source>
        <translation type="unfinished">期間</translation>
    </message>
    <message>
        <source>職員</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>検索</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期間（から）</source>
        <translation type="unfinished">期間（から）</translation>
    </message>
    <message>
        <source>期間（まで）</source>
        <translation type="unfinished">期間（まで）</translation>
    </message>
    <message>
        <source>操作記録をExcelに出力</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} 件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} 件を出力しました: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupBox</name>
    <message>
        <source>バックアップと復元（管理者）</source>
        <translation>バックアップと復元（管理者）</translation>
    </message>
    <message>
        <source>参照…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>保存先を変更</source>
        <translation>保存先を変更</translation>
    </message>
    <message>
        <source>日時</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>事務所</source>
        <translation>事務所</translation>
    </message>
    <message>
        <source>大きさ</source>
        <translation>大きさ</translation>
    </message>
    <message>
        <source>今すぐバックアップ</source>
        <translation>今すぐバックアップ</translation>
    </message>
    <message>
        <source>このデータベースのバックアップ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>別のデータベースのバックアップ（このデータベースには復元できません）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>バックアップのパスワードを設定…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>選んだバックアップから復元…</source>
        <translation>選んだバックアップから復元…</translation>
    </message>
    <message>
        <source>毎日最初の起動時と、取込・更新の前に自動でバックアップします（毎日7回分・毎週4回分・毎月12回分を保存）。外付けドライブを保存先にできます。復元する前に、いまのデータベースは置き換えたファイルとして残します。</source>
        <translation>毎日最初の起動時と、取込・更新の前に自動でバックアップします（毎日7回分・毎週4回分・毎月12回分を保存）。外付けドライブを保存先にできます。復元する前に、いまのデータベースは置き換えたファイルとして残します。</translation>
    </message>
    <message>
        <source>保存先</source>
        <translation>保存先</translation>
    </message>
    <message>
        <source>読めません</source>
        <translation>読めません</translation>
    </message>
    <message>
        <source>（研修用）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>・暗号化</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>毎日</source>
        <translation>毎日</translation>
    </message>
    <message>
        <source>手動</source>
        <translation>手動</translation>
    </message>
    <message>
        <source>送付ファイル取込の前</source>
        <translation>送付ファイル取込の前</translation>
    </message>
    <message>
        <source>マスタ取込の前</source>
        <translation>マスタ取込の前</translation>
    </message>
    <message>
        <source>台帳取込の前</source>
        <translation>台帳取込の前</translation>
    </message>
    <message>
        <source>保存期間経過データ消去の前</source>
        <translation>保存期間経過データ消去の前</translation>
    </message>
    <message>
        <source>プログラム更新の前</source>
        <translation>プログラム更新の前</translation>
    </message>
    <message>
        <source>バックアップの保存先</source>
        <translation>バックアップの保存先</translation>
    </message>
    <message>
        <source>保存先を変更しました。</source>
        <translation>保存先を変更しました。</translation>
    </message>
    <message>
        <source>バックアップを作成しました。</source>
        <translation>バックアップを作成しました。</translation>
    </message>
    <message>
        <source>バックアップから復元</source>
        <translation>バックアップから復元</translation>
    </message>
    <message>
        <source>{0} のバックアップで、いまのデータベースを置き換えます。
それ以降の入力は復元後のデータベースにはありません（置き換えたファイルは残します）。
復元しますか？</source>
        <translation>{0} のバックアップで、いまのデータベースを置き換えます。
それ以降の入力は復元後のデータベースにはありません（置き換えたファイルは残します）。
復元しますか？</translation>
    </message>
    <message>
        <source>バックアップのパスワード</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>暗号化されたバックアップです。バックアップのパスワードを入力してください。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>データベースのフォルダーの外へのバックアップは、このパスワードで暗号化します。忘れると復元できません。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>確認のため、もう一度入力してください。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>パスワードが一致しません。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>バックアップのパスワードを設定しました。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BusinessDayButtons</name>
    <message>
        <source>{0}開庁日後（土日・祝日・年末年始を除く）。欄に +{0} と入力しても同じです</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>開庁日</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseSheet</name>
    <message>
        <source>個人情報を含みます。取扱いに注意してください。</source>
        <translation>個人情報を含みます。取扱いに注意してください。</translation>
    </message>
    <message>
        <source>課長</source>
        <translation>課長</translation>
    </message>
    <message>
        <source>係長</source>
        <translation>係長</translation>
    </message>
    <message>
        <source>担当</source>
        <translation>担当</translation>
    </message>
    <message>
        <source>日付</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>紹介先</source>
        <translation>紹介先</translation>
    </message>
    <message>
        <source>回答期限</source>
        <translation>回答期限</translation>
    </message>
    <message>
        <source>次回期限</source>
        <translation>次回期限</translation>
    </message>
</context>
<context>
    <name>CaseSheetDialog</name>
    <message>
        <source>相談票 — {0}</source>
        <translation>相談票 — {0}</translation>
    </message>
    <message>
        <source>個人情報（氏名・連絡先・住所）を含める</source>
        <translation>個人情報（氏名・連絡先・住所）を含める</translation>
    </message>
    <message>
        <source>相談票のプレビュー</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>印刷…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <source>PDFに保存…</source>
        <translation>PDFに保存…</translation>
    </message>
    <message>
        <source>PDFに保存</source>
        <translation>PDFに保存</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <source>確認</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>この内容で準備します。よろしければ「完了」を押してください。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>この内容で保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation type="unfinished">キャンセル</translation>
    </message>
</context>
<context>
    <name>ConflictQueue</name>
    <message>
        <source>競合（両方で変わった項目）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>番号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受付番号</source>
        <translation type="unfinished">受付番号</translation>
    </message>
    <message>
        <source>種類</source>
        <translation type="unfinished">種類</translation>
    </message>
    <message>
        <source>送付元</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>項目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>比べて選ぶ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未解決の競合はありません。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictView</name>
    <message>
        <source>すべて「{0}」</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>項目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>採る値</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>両方で変更: 選んでください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>片方だけの変更: 自動で統合</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自動で統合</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DamagedDatabaseDialog</name>
    <message>
        <source>データベースが壊れています</source>
        <translation>データベースが壊れています</translation>
    </message>
    <message>
        <source>&lt;b&gt;データベースが壊れているため、このままでは使えません。&lt;/b&gt;</source>
        <translation>&lt;b&gt;データベースが壊れているため、このままでは使えません。&lt;/b&gt;</translation>
    </message>
    <message>
        <source>ファイル: {0}</source>
        <translation>ファイル: {0}</translation>
    </message>
    <message>
        <source>見つかった問題: {0}</source>
        <translation>見つかった問題: {0}</translation>
    </message>
    <message>
        <source>最新の正常なバックアップ（{0}、{1}）から復元できます。それより後の入力は失われます。壊れたファイルは置き換えたファイルとして残します。
{2}</source>
        <translation>最新の正常なバックアップ（{0}、{1}）から復元できます。それより後の入力は失われます。壊れたファイルは置き換えたファイルとして残します。
{2}</translation>
    </message>
    <message>
        <source>正常なバックアップが見つかりません（バックアップ先: {0}）。システム管理者に連絡してください。</source>
        <translation>正常なバックアップが見つかりません（バックアップ先: {0}）。システム管理者に連絡してください。</translation>
    </message>
    <message>
        <source>このバックアップから復元</source>
        <translation>このバックアップから復元</translation>
    </message>
    <message>
        <source>終了</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>復元するには、このバックアップに登録されている管理者のユーザー名とパスワードでサインインしてください。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>バックアップのパスワード</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>管理者のユーザー名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>パスワード</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>連携先の自治体（件数の多い順）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期間</source>
        <translation type="unfinished">期間</translation>
    </message>
    <message>
        <source>新規受付</source>
        <translation type="unfinished">新規受付</translation>
    </message>
    <message>
        <source>完了</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>連携成立</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期末未完了</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期限超過（現在）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>日付として読めません</source>
        <translation>日付として読めません</translation>
    </message>
    <message>
        <source>例: 2026/10/3, R8.10.3</source>
        <translation>例: 2026/10/3, R8.10.3</translation>
    </message>
    <message>
        <source>日付が読めません</source>
        <translation>日付が読めません</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>回答のあった紹介</source>
        <translation>回答のあった紹介</translation>
    </message>
    <message>
        <source>対応を追加</source>
        <translation>対応を追加</translation>
    </message>
    <message>
        <source>受付の内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>回答を記録</source>
        <translation>回答を記録</translation>
    </message>
    <message>
        <source>状況を変更</source>
        <translation>状況を変更</translation>
    </message>
    <message>
        <source>編集</source>
        <translation>編集</translation>
    </message>
    <message>
        <source>相談票</source>
        <translation>相談票</translation>
    </message>
    <message>
        <source>対応履歴</source>
        <translation>対応履歴</translation>
    </message>
    <message>
        <source>一覧から相談を選んでください</source>
        <translation>一覧から相談を選んでください</translation>
    </message>
    <message>
        <source>回答を受けた日（{0}）</source>
        <translation>回答を受けた日（{0}）</translation>
    </message>
    <message>
        <source>回答日</source>
        <translation>回答日</translation>
    </message>
</context>
<context>
    <name>DueText</name>
    <message>
        <source>期限を{0}開庁日過ぎています</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本日が期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期限まであと{0}開庁日</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <source>受付簿の取込…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>手書き・Excelの相談受付簿（.xlsx・.xls・CSV）を相談として取り込みます。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportPanel</name>
    <message>
        <source>送付ファイルを作る</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>支所の送付先は本庁です。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>変更分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>前回の送付以降の変更です。相手が受け取ったと知らせていない送付ファイルの分も含めます。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>個人情報を含める（共有パスワードで暗号化）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>送付ファイルを作成…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>送付先</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>範囲</source>
        <translation type="unfinished">範囲</translation>
    </message>
    <message>
        <source>送付ファイルの保存先</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel ブック (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共有パスワードが設定されていないため、個人情報は含められません。管理者が「設定」で設定してください。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>個人情報を含むファイルは、共有パスワードがないと開けません。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作成しました: {0}（{1} への送付 {2}、受付 {3} 件・対応 {4} 件・相談者 {5} 件）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldChart</name>
    <message>
        <source>連携分野別 上位10（複数選択）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>件数</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>件名・内容・相談者・受付番号・電話</source>
        <translation>件名・内容・相談者・受付番号・電話</translation>
    </message>
    <message>
        <source>検索</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期間（から）</source>
        <translation>期間（から）</translation>
    </message>
    <message>
        <source>期間（まで）</source>
        <translation>期間（まで）</translation>
    </message>
    <message>
        <source>開始日</source>
        <translation>開始日</translation>
    </message>
    <message>
        <source>終了日</source>
        <translation>終了日</translation>
    </message>
    <message>
        <source>期限超過のみ</source>
        <translation>期限超過のみ</translation>
    </message>
    <message>
        <source>条件をクリア</source>
        <translation>条件をクリア</translation>
    </message>
    <message>
        <source>未完了すべて</source>
        <translation>未完了すべて</translation>
    </message>
    <message>
        <source>都道府県・市区町村</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>協定先の名前・よみ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自治体</source>
        <translation type="unfinished">自治体</translation>
    </message>
    <message>
        <source>協定先</source>
        <translation type="unfinished">協定先</translation>
    </message>
    <message>
        <source>期間</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>状況</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>事務所</source>
        <translation>事務所</translation>
    </message>
    <message>
        <source>分野</source>
        <translation>分野</translation>
    </message>
    <message>
        <source>連携の型</source>
        <translation>連携の型</translation>
    </message>
    <message>
        <source>相談者区分</source>
        <translation>相談者区分</translation>
    </message>
    <message>
        <source>すべて</source>
        <translation>すべて</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>連携デスク — 初回設定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>この PC の連携デスクを設定します。最初の管理者 admin のパスワード（10文字以上）を決めてください。職員のアカウントは、サインイン後に設定画面で追加できます。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事務所</source>
        <translation type="unfinished">事務所</translation>
    </message>
    <message>
        <source>admin のパスワード</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>もう一度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>設定して開始</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation type="unfinished">キャンセル</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>連携デスクの初期設定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; 戻る(&amp;B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>次へ(&amp;N) &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>完了(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation type="unfinished">キャンセル</translation>
    </message>
    <message>
        <source>準備しています…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事務所: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>管理者: {0}（{1}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>マスタパッケージ: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>なし（同梱のマスタ）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>研修用データベース: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作らない</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>データベース: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <source>期限</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>残り</source>
        <translation>残り</translation>
    </message>
    <message>
        <source>区分</source>
        <translation>区分</translation>
    </message>
    <message>
        <source>受付番号</source>
        <translation>受付番号</translation>
    </message>
    <message>
        <source>件名</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>相談者</source>
        <translation>相談者</translation>
    </message>
    <message>
        <source>紹介先</source>
        <translation>紹介先</translation>
    </message>
    <message>
        <source>状況</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>回答待ち</source>
        <translation>回答待ち</translation>
    </message>
    <message>
        <source>次回対応</source>
        <translation>次回対応</translation>
    </message>
    <message>
        <source>{0}日超過</source>
        <translation>{0}日超過</translation>
    </message>
    <message>
        <source>本日</source>
        <translation>本日</translation>
    </message>
    <message>
        <source>あと{0}日</source>
        <translation>あと{0}日</translation>
    </message>
</context>
<context>
    <name>FollowUpsPage</name>
    <message>
        <source>{0}日以内</source>
        <translation>{0}日以内</translation>
    </message>
    <message>
        <source>再読込</source>
        <translation>再読込</translation>
    </message>
    <message>
        <source>対応予定</source>
        <translation type="unfinished">対応予定</translation>
    </message>
    <message>
        <source>範囲</source>
        <translation>範囲</translation>
    </message>
    <message>
        <source>先頭 {0}</source>
        <translation>先頭 {0}</translation>
    </message>
    <message>
        <source>{0}件（うち期限超過 {1}件）</source>
        <translation>{0}件（うち期限超過 {1}件）</translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <source>取り込む</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ファイルを選ぶ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取込</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>中止</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>送付ファイルはこの画面にドラッグ＆ドロップでも選べます。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>編集を承認して取込</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取り込む送付ファイル</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel ブック (*.xlsx);;すべてのファイル (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v / %m ファイル</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>試行しています（書き込みません）…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取り込んでいます…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ほか {0} 行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>書き出した後に編集されたファイルがあります。編集された行: {0}
承認すると、編集前に書き出された内容を取り込み、承認したことを監査記録に残します。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>追加 {0}・更新 {1}・統合 {2}・変更なし {3}・古い版 {4}・競合 {5}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>試行を中止しました（{0} ファイルは未確認）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>試行の結果です（まだ書き込んでいません）: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>。取り込めないファイル: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>。確かめてから「取込」を押してください。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取り込みました: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>。競合は下の一覧で解決してください。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>。中止したため {0} ファイルは取り込んでいません。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportReportView</name>
    <message>
        <source>取込結果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受付</source>
        <translation type="unfinished">受付</translation>
    </message>
    <message>
        <source>対応</source>
        <translation type="unfinished">対応</translation>
    </message>
    <message>
        <source>相談者</source>
        <translation type="unfinished">相談者</translation>
    </message>
    <message>
        <source>追加</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>更新</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>統合</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>変更なし</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>古い版</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>競合</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>拒否</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ファイル・種類</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: 取り込めません</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}（{1} からの送付 {2}）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InquirerSection</name>
    <message>
        <source>相談者</source>
        <translation>相談者</translation>
    </message>
    <message>
        <source>紐付けを解除</source>
        <translation>紐付けを解除</translation>
    </message>
    <message>
        <source>相談者区分</source>
        <translation>相談者区分</translation>
    </message>
    <message>
        <source>団体名</source>
        <translation>団体名</translation>
    </message>
    <message>
        <source>氏名</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>フリガナ</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <source>電話</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>メール</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>郵便番号</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <source>住所</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>法人番号</source>
        <translation>法人番号</translation>
    </message>
    <message>
        <source>13桁</source>
        <translation>13桁</translation>
    </message>
    <message>
        <source>既存の相談者に紐付け中: {0}</source>
        <translation>既存の相談者に紐付け中: {0}</translation>
    </message>
    <message>
        <source>新しい相談者として登録します</source>
        <translation>新しい相談者として登録します</translation>
    </message>
</context>
<context>
    <name>InquiryListModel</name>
    <message>
        <source>{0} 超過</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期限超過</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>、</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期限を過ぎています</source>
        <translation>期限を過ぎています</translation>
    </message>
</context>
<context>
    <name>InquiryListPage</name>
    <message>
        <source>新規受付 (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>【研修用】デモデータの入った研修用データベースです。実際の相談は記録しないでください。</source>
        <translation>【研修用】デモデータの入った研修用データベースです。実際の相談は記録しないでください。</translation>
    </message>
    <message>
        <source>{0}件</source>
        <translation>{0}件</translation>
    </message>
    <message>
        <source>受付一覧</source>
        <translation type="unfinished">受付一覧</translation>
    </message>
    <message>
        <source>受付番号と件名を読み上げます。Enterで内容へ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…件</source>
        <translation>…件</translation>
    </message>
    <message>
        <source>本日期限 {0}件&#x3000;期限超過 {1}件</source>
        <translation>本日期限 {0}件&#x3000;期限超過 {1}件</translation>
    </message>
    <message>
        <source>対応予定を見る</source>
        <translation>対応予定を見る</translation>
    </message>
</context>
<context>
    <name>InquirySection</name>
    <message>
        <source>受付</source>
        <translation>受付</translation>
    </message>
    <message>
        <source>相談内容</source>
        <translation>相談内容</translation>
    </message>
    <message>
        <source>対応</source>
        <translation>対応</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <source>保存 (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <source>保存して次へ (Ctrl+Enter)</source>
        <translation>保存して次へ (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>新規受付</source>
        <translation>新規受付</translation>
    </message>
    <message>
        <source>入力の破棄</source>
        <translation>入力の破棄</translation>
    </message>
    <message>
        <source>保存していない入力があります。破棄してよろしいですか？</source>
        <translation>保存していない入力があります。破棄してよろしいですか？</translation>
    </message>
    <message>
        <source>受付番号 {0} で保存しました</source>
        <translation>受付番号 {0} で保存しました</translation>
    </message>
    <message>
        <source>保存できませんでした。赤字の項目を確認してください（{0}件）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受付番号 {0} を編集</source>
        <translation>受付番号 {0} を編集</translation>
    </message>
    <message>
        <source>入力の復元</source>
        <translation>入力の復元</translation>
    </message>
    <message>
        <source>前回保存されなかった入力が残っています。復元しますか？</source>
        <translation>前回保存されなかった入力が残っています。復元しますか？</translation>
    </message>
    <message>
        <source>前回の入力のあと、{0} はほかで変更されています。どちらの値を残すか選んでください。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>前回の入力を復元しました（まだ保存されていません）</source>
        <translation>前回の入力を復元しました（まだ保存されていません）</translation>
    </message>
</context>
<context>
    <name>JapanMap</name>
    <message>
        <source>{0}: {1}件</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LedgerMappingPage</name>
    <message>
        <source>列と項目の対応</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>見出しの語から項目を選びました。違う列は右の欄で直してください。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>列</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>見出し</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>例</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取り込む項目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>項目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受付簿の値</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>区分</source>
        <translation type="unfinished">区分</translation>
    </message>
    <message>
        <source>区分に当てはまらなかった値</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>例: 芝の受付簿</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>この設定を保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>「完了」「済」「終了」の状況</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>設定の名前</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>区分に当てはまらなかった値（空欄のままなら「その他」）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（取り込まない）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（その他・空欄のまま）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LedgerWizard</name>
    <message>
        <source>受付簿の取込</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>次へ（試行）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>戻る</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation type="unfinished">閉じる</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation type="unfinished">キャンセル</translation>
    </message>
    <message>
        <source>保存しました</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockPanel</name>
    <message>
        <source>画面をロックしました</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}（{1}）のパスワードを入力して再開してください。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>パスワード</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ロック解除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>別の職員でサインイン</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>連携デスク【研修用】 — {0}</source>
        <translation>連携デスク【研修用】 — {0}</translation>
    </message>
    <message>
        <source>連携デスク — {0}</source>
        <translation>連携デスク — {0}</translation>
    </message>
    <message>
        <source>受付一覧</source>
        <translation>受付一覧</translation>
    </message>
    <message>
        <source>新規受付</source>
        <translation>新規受付</translation>
    </message>
    <message>
        <source>対応予定</source>
        <translation>対応予定</translation>
    </message>
    <message>
        <source>ダッシュボード</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>報告書作成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取込・送付</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>マスタ</source>
        <translation>マスタ</translation>
    </message>
    <message>
        <source>設定</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>画面</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>サインアウト</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>競合 {0} 件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作記録</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ヘルプ(&amp;H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>バージョン情報(&amp;A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>データベースの更新</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>サインイン中: {0}（{1}・{2}）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MastersPackagePage</name>
    <message>
        <source>マスタパッケージ（任意）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本庁から届いたマスタパッケージ（.xlsx）があれば選んでください。なければ空欄のまま次へ進みます（プログラムに入っているマスタを使います）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ファイルを選ぶか、場所を入力</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>参照(&amp;B)...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ファイルがありません: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>マスタパッケージを選ぶ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel ファイル (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MastersPage</name>
    <message>
        <source>コード</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>英語名</source>
        <translation>英語名</translation>
    </message>
    <message>
        <source>種別</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>表示名</source>
        <translation>表示名</translation>
    </message>
    <message>
        <source>英語表示名</source>
        <translation>英語表示名</translation>
    </message>
    <message>
        <source>都道府県</source>
        <translation>都道府県</translation>
    </message>
    <message>
        <source>よみ</source>
        <translation>よみ</translation>
    </message>
    <message>
        <source>締結日</source>
        <translation>締結日</translation>
    </message>
    <message>
        <source>構成団体数</source>
        <translation>構成団体数</translation>
    </message>
    <message>
        <source>自治体</source>
        <translation>自治体</translation>
    </message>
    <message>
        <source>きっかけ</source>
        <translation>きっかけ</translation>
    </message>
    <message>
        <source>備考</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>名称・よみ・コードで検索（例: くしろ、釧路、01206）</source>
        <translation>名称・よみ・コードで検索（例: くしろ、釧路、01206）</translation>
    </message>
    <message>
        <source>事務所一覧</source>
        <translation>事務所一覧</translation>
    </message>
    <message>
        <source>語彙</source>
        <translation>語彙</translation>
    </message>
    <message>
        <source>自治体検索</source>
        <translation>自治体検索</translation>
    </message>
    <message>
        <source>協定先</source>
        <translation>協定先</translation>
    </message>
    <message>
        <source>交流自治体</source>
        <translation>交流自治体</translation>
    </message>
    <message>
        <source>広域連携協定</source>
        <translation>広域連携協定</translation>
    </message>
    <message>
        <source>包括連携協定</source>
        <translation>包括連携協定</translation>
    </message>
    <message>
        <source>{0}件</source>
        <translation>{0}件</translation>
    </message>
    <message>
        <source>本庁</source>
        <translation>本庁</translation>
    </message>
    <message>
        <source>支所</source>
        <translation>支所</translation>
    </message>
    <message>
        <source>{0}（{1} 廃止）</source>
        <translation>{0}（{1} 廃止）</translation>
    </message>
    <message>
        <source>政令指定都市</source>
        <translation>政令指定都市</translation>
    </message>
    <message>
        <source>行政区</source>
        <translation>行政区</translation>
    </message>
    <message>
        <source>特別区</source>
        <translation>特別区</translation>
    </message>
    <message>
        <source>市</source>
        <translation>市</translation>
    </message>
    <message>
        <source>町</source>
        <translation>町</translation>
    </message>
    <message>
        <source>村</source>
        <translation>村</translation>
    </message>
    <message>
        <source>対応の種類</source>
        <translation>対応の種類</translation>
    </message>
</context>
<context>
    <name>MonthChart</name>
    <message>
        <source>月別・連携の型別 新規受付</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未設定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>年/月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>月</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MunicipalityPicker</name>
    <message>
        <source>自治体名・よみ・コードで検索</source>
        <translation>自治体名・よみ・コードで検索</translation>
    </message>
    <message>
        <source>Delete キーまたはダブルクリックで外します</source>
        <translation>Delete キーまたはダブルクリックで外します</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>事務所</source>
        <translation type="unfinished">事務所</translation>
    </message>
    <message>
        <source>この PC を使う事務所を選んでください。あとから変えられません。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事務所(&amp;O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>支所の PC には自分の支所の相談だけが入ります。本庁の PC は各支所から届いた送付ファイルを取り込み、報告書をまとめます。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackagePasswordBox</name>
    <message>
        <source>送付ファイルの共有パスワード（管理者）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>パスワードを設定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>すべての事務所で同じパスワードを設定します。個人情報を含む送付ファイルの暗号化と、区外で作られたファイルの見分けに使います。{0}文字以上。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状態</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新しいパスワード</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>もう一度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>設定されています</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>設定されていません</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共有パスワードを設定しました。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>今月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>今年度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期間を指定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>開始日</source>
        <translation type="unfinished">開始日</translation>
    </message>
    <message>
        <source>終了日</source>
        <translation type="unfinished">終了日</translation>
    </message>
    <message>
        <source>表示</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaceRanking</name>
    <message>
        <source>自治体別の件数（上位）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>順位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自治体</source>
        <translation type="unfinished">自治体</translation>
    </message>
    <message>
        <source>件数</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>月次報告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>年度報告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>例: 2026-10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>例: 2026（令和8年度）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>すべての事務所</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>相談者の個人情報を一覧に含める（共有パスワードで暗号化）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel で作成…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF で作成…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>報告書を作成する</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>種類</source>
        <translation type="unfinished">種類</translation>
    </message>
    <message>
        <source>月（YYYY-MM）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>年度（開始年）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事務所</source>
        <translation type="unfinished">事務所</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished">PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel ブック (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>報告書の保存先</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（個人情報を含む・暗号化済み）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作成しました: {0}{1}
新規受付 {2} 件・完了 {3} 件・連携成立 {4} 件</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetentionBox</name>
    <message>
        <source>個人情報の保存期間（管理者）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期間を保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>対象を数える</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>消去を実行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>完了してから保存期間を過ぎた相談の相談者について、氏名・フリガナ・電話番号・メールアドレス・郵便番号・住所を消去します。まだ対応中か期間内の相談がある相談者は対象外です。件数などの統計は変わりません。消去は送付ファイルで本庁にも伝わり、元に戻せません。起動時に1日1回自動で行います。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存期間</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>前回の自動実行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>今すぐ消去</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存期間を {0} 年にしました。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} より前に完了した相談の相談者 {1} 人（相談 {2} 件）が対象です。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>消去するものはありません。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>相談者 {0} 人（相談 {1} 件）の個人情報を消去しました。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>まだありません</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SavingDialog</name>
    <message>
        <source>保存</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>言語を切り替えると画面を作り直します。文字の大きさはすぐに反映されます。</source>
        <translation>言語を切り替えると画面を作り直します。文字の大きさはすぐに反映されます。</translation>
    </message>
    <message>
        <source>表示言語</source>
        <translation>表示言語</translation>
    </message>
    <message>
        <source>文字の大きさ</source>
        <translation>文字の大きさ</translation>
    </message>
    <message>
        <source> 分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>画面ロックまでの上限（全職員）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作がないとき画面をロック</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>連携デスク — サインイン</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ユーザー名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>パスワード</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>サインイン</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation type="unfinished">キャンセル</translation>
    </message>
    <message>
        <source>研修用データベースです。次の研修用アカウントでサインインできます（パスワードはいずれも &lt;b&gt;{0}&lt;/b&gt;）:&lt;br&gt;{1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>職員の追加</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>パスワードの変更</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ユーザー名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>氏名</source>
        <translation type="unfinished">氏名</translation>
    </message>
    <message>
        <source>権限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>パスワード（10文字以上）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>もう一度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存</source>
        <translation type="unfinished">保存</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation type="unfinished">キャンセル</translation>
    </message>
</context>
<context>
    <name>StaffSection</name>
    <message>
        <source>職員アカウント</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ユーザー名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>氏名</source>
        <translation type="unfinished">氏名</translation>
    </message>
    <message>
        <source>権限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状態</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>追加…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>無効にする</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ロック解除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>パスワード変更…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>無効</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>失敗{0}回・待ち時間あり</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaleEdit</name>
    <message>
        <source>保存する前に選んでください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自分の入力</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存済みの値</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自分の入力を残す</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存済みの値を採る</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusChart</name>
    <message>
        <source>状況別（現在）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>状況を変更 — {0}</source>
        <translation>状況を変更 — {0}</translation>
    </message>
    <message>
        <source>現在の状況</source>
        <translation>現在の状況</translation>
    </message>
    <message>
        <source>新しい状況</source>
        <translation>新しい状況</translation>
    </message>
    <message>
        <source>結果</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>完了にするには結果を入力してください。</source>
        <translation>完了にするには結果を入力してください。</translation>
    </message>
    <message>
        <source>完了した相談を再開します（記録されます）。</source>
        <translation>完了した相談を再開します（記録されます）。</translation>
    </message>
</context>
<context>
    <name>SuggestionPanel</name>
    <message>
        <source>以前の相談者の候補</source>
        <translation>以前の相談者の候補</translation>
    </message>
    <message>
        <source>同じ相談者の候補</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>この相談者にする</source>
        <translation>この相談者にする</translation>
    </message>
    <message>
        <source>この2件を統合</source>
        <translation>この2件を統合</translation>
    </message>
    <message>
        <source>一致する相談者はいません</source>
        <translation>一致する相談者はいません</translation>
    </message>
    <message>
        <source>氏名・団体名</source>
        <translation>氏名・団体名</translation>
    </message>
    <message>
        <source>フリガナ</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <source>電話</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>法人番号</source>
        <translation>法人番号</translation>
    </message>
    <message>
        <source>相談{0}件</source>
        <translation>相談{0}件</translation>
    </message>
    <message>
        <source>一致: {0}</source>
        <translation>一致: {0}</translation>
    </message>
    <message>
        <source>「{0}」を「{1}」に統合します。
「{0}」の相談はすべて「{1}」に移ります。統合は元に戻せません。よろしいですか？</source>
        <translation>「{0}」を「{1}」に統合します。
「{0}」の相談はすべて「{1}」に移ります。統合は元に戻せません。よろしいですか？</translation>
    </message>
    <message>
        <source>相談者の統合</source>
        <translation>相談者の統合</translation>
    </message>
</context>
<context>
    <name>SyncConflict</name>
    <message>
        <source>受付</source>
        <translation type="unfinished">受付</translation>
    </message>
    <message>
        <source>対応</source>
        <translation type="unfinished">対応</translation>
    </message>
    <message>
        <source>相談者</source>
        <translation type="unfinished">相談者</translation>
    </message>
    <message>
        <source>{0}（{1}）: {2}から届いた版とこの事務所の版で、同じ項目が違う値に変わっています（{3} 項目）。項目ごとに残す値を選んでください。選んだ結果は次の送付で{2}にも届きます。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>個人情報は送られていないため比べていません。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>競合を解決する — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>この事務所の値</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}から届いた値</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>こちらを残す</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>届いた値を採る</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>削除済み</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>削除されていない</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <source>研修用データベース</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作の練習に使う、デモデータ入りのデータベースを作れます。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>研修用データベースを作る（デモデータ入り）(&amp;T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>研修用は事務所のデータベースとは別のファイルです（{0}）。スタートメニューの「連携デスク（研修用）」で開き、画面に【研修用】と表示されます。実際の相談は記録しないでください。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_FilePage</name>
    <message>
        <source>受付簿のファイル</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel（.xlsx・.xls）か CSV の受付簿を選んでください。見出しの行は自動で探します。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>選ぶ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（見出しのある最初のシート）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ファイル</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取込設定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>シート</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（なし: 見出しの語で対応づける）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受付簿 (*.xlsx *.xls *.csv);;すべてのファイル (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_ReportPage</name>
    <message>
        <source>確認と取込</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>列</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>値</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>理由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取り込めない行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重複候補も取り込む</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取込</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取り込めなかった行を保存…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取り込みました。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>試行の結果です（まだ書き込んでいません）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取込不可</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>その他として取込</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>メモに残して取込</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取り込めなかった行の保存先</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel ブック (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
