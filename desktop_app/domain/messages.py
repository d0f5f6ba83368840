"""Japanese and English texts of every message a person can be shown, by stable code.

One table, so that the CLI, the GUI and the tests say the same thing in the same words.
A message says what is wrong, where, and what to do.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Localized:
    """A message parameter that reads differently per language (a label and its code)."""

    ja: str
    en: str


_MESSAGES: dict[str, tuple[str, str]] = {
    # input in general
    "json_invalid": (
        "JSONとして読めません（{where}）: {detail}。書式を確認してください。",
        "Not valid JSON ({where}): {detail}. Check the format.",
    ),
    "json_not_object": (
        "JSONの最上位は {{...}} のオブジェクトにしてください。",
        "The top level of the JSON must be an object {{...}}.",
    ),
    "field_unknown": (
        "項目「{field}」はありません。使える項目: {allowed}",
        'There is no field "{field}". Known fields: {allowed}',
    ),
    "field_required": (
        "「{label}」は必須です。入力してください。",
        '"{label}" is required. Please fill it in.',
    ),
    "field_type": (
        "「{label}」の形式が正しくありません（{expected}）。",
        '"{label}" has the wrong form (expected {expected}).',
    ),
    "field_too_long": (
        "「{label}」が長すぎます（{limit}文字まで）。",
        '"{label}" is too long (at most {limit} characters).',
    ),
    "code_unknown": (
        "「{label}」のコード「{value}」は登録されていません。使えるコード: {allowed}",
        'Unknown code "{value}" for "{label}". Known codes: {allowed}',
    ),
    "municipality_unknown": (
        "自治体コード「{value}」は登録されていません。6桁の全国地方公共団体コードで指定してください。",
        'Unknown municipality code "{value}". Give the 6-digit local government code.',
    ),
    "agreement_unknown": (
        "協定先コード「{value}」は登録されていません。",
        'Unknown agreement body code "{value}".',
    ),
    "date_format": (
        "「{label}」の日付「{value}」が読めません。2026/10/3、R8.10.3、令和8年10月3日の形で入力してください。",
        'Cannot read the date "{value}" for "{label}". Write it as 2026/10/3, R8.10.3 or 令和8年10月3日.',
    ),
    "date_invalid": (
        "「{label}」の日付「{value}」は存在しない日付です。",
        'The date "{value}" for "{label}" does not exist.',
    ),
    "date_future": (
        "「{label}」に未来の日付「{value}」は入力できません。",
        '"{label}" cannot be in the future ({value}).',
    ),
    "due_before_received": (
        "「{label}」は受付日より前にできません。",
        '"{label}" cannot be before the date received.',
    ),
    "due_before_action": (
        "「{label}」は対応日より前にできません。",
        '"{label}" cannot be before the date of the action.',
    ),
    "corporate_number_invalid": (
        "法人番号「{value}」が正しくありません（13桁・チェックデジット）。",
        'The corporate number "{value}" is not valid (13 digits with a check digit).',
    ),
    "email_invalid": (
        "メールアドレス「{value}」の形式が正しくありません。",
        'The e-mail address "{value}" is not valid.',
    ),
    "postal_code_invalid": (
        "郵便番号「{value}」は7桁の数字で入力してください（例: 108-0074）。",
        'The postal code "{value}" must be 7 digits (e.g. 108-0074).',
    ),
    "phone_invalid": (
        "電話番号「{value}」は10〜11桁の数字で入力してください。",
        'The phone number "{value}" must have 10 or 11 digits.',
    ),
    "inquirer_name_required": (
        "相談者の「氏名」か「団体名」のどちらかを入力してください。",
        "Give the inquirer's name or organisation.",
    ),
    "set_syntax": (
        "「{value}」は 項目=値 の形で指定してください。",
        '"{value}" must be written field=value.',
    ),
    # workflow
    "status_unknown": (
        "状況「{value}」はありません。使える状況: {allowed}",
        'Unknown status "{value}". Known statuses: {allowed}',
    ),
    "status_transition": (
        "状況を「{old}」から「{new}」には変更できません。変更できる状況: {allowed}",
        'The status cannot change from "{old}" to "{new}". Allowed: {allowed}',
    ),
    "outcome_required": (
        "「{new}」で完了するには結果（outcome）を入力してください。",
        'Closing as "{new}" needs an outcome.',
    ),
    # records
    "receipt_unknown": (
        "受付番号「{value}」の相談は見つかりません。",
        'No inquiry has the receipt number "{value}".',
    ),
    "inquirer_unknown": (
        "相談者「{value}」は見つかりません。",
        'No inquirer "{value}".',
    ),
    "inquirer_merge_same": (
        "同じ相談者どうしは統合できません。",
        "An inquirer cannot be merged into itself.",
    ),
    # sync packages
    "package_personal_needs_password": (
        "個人情報を含む送付ファイルには共有パスワードが必要です。設定画面か `renkei-desk config set package-password` で設定してください。",
        "A package with personal data needs the shared password. Set it in the settings or with `renkei-desk config set package-password`.",
    ),
    "package_to_required": (
        "本庁では送付先を --to で指定してください（{allowed}）。",
        "At the central office, name the destination with --to ({allowed}).",
    ),
    "package_route_invalid": (
        "{office} から {value} へは送付できません。支所は本庁（HQ）へ、本庁は各支所へ送付します。",
        "{office} cannot send a package to {value}: branches send to HQ, HQ sends to each branch.",
    ),
    "path_not_writable": (
        "ファイルを書き込めません: {path}。保存先のフォルダを確認してください。",
        "Cannot write the file {path}. Check the folder.",
    ),
    "package_not_package": (
        "{path} は連携デスクの送付ファイルではありません。",
        "{path} is not a Renkei Desk package.",
    ),
    "package_version_unknown": (
        "{path} の形式（版 {version}）はこのプログラムでは読めません。プログラムを更新してください。",
        "{path} has a format version ({version}) this program cannot read. Update the program.",
    ),
    "package_version_older": (
        "{path} は以前の版の連携デスク（送付ファイルの版 {version}）で作られました。送り元で"
        "プログラムを更新してから、送付ファイルを作り直してもらってください（まだ届いていない"
        "変更は次の送付ファイルにすべて入ります）。",
        "{path} was made by an earlier build of Renkei Desk (package format {version}). Ask the"
        " sender to update the program and make the package again (the next package carries"
        " every change not yet received).",
    ),
    "package_sheet_missing": (
        "{path} にシート「{sheet}」がないか、見出しが変わっています。",
        'The sheet "{sheet}" of {path} is missing or its headers were changed.',
    ),
    "package_key_mismatch": (
        "{path} の署名が共有パスワードと一致しません。区外で作られたか、改変されたファイルです。",
        "The signature of {path} does not match the shared password: it was made outside the ward or altered.",
    ),
    "package_key_missing": (
        "{path} は署名付きですが、このパソコンには共有パスワードが設定されていません。設定してから取り込んでください。",
        "{path} is signed, but no shared password is set on this PC. Set it, then import again.",
    ),
    "package_password_short": (
        "共有パスワードは{limit}文字以上にしてください。",
        "The shared password must have at least {limit} characters.",
    ),
    "package_edited": (
        "{path} は書き出した後に編集されています（{rows}）。取り込みませんでした。確認のうえ取り込む場合は「編集を承認して取込」（--accept-edited）を使ってください。",
        "{path} was edited after it was exported ({rows}). Nothing was imported. To import it after checking, accept the edits (--accept-edited).",
    ),
    "package_wrong_office": (
        "{path} は {value} 宛ての送付ファイルです（この事務所は {office}）。",
        "{path} is meant for {value} (this office is {office}).",
    ),
    "package_training_into_real": (
        "{path} は研修用データの送付ファイルです。研修用でない（実際の相談を記録する）データベースには"
        "取り込めません。研修用のデータベースで取り込んでください。",
        "{path} holds training data; it cannot be imported into a real (not training) database."
        " Import it into a training database.",
    ),
    "package_real_into_training": (
        "{path} は実データの送付ファイルです。研修用のデータベースには取り込めません。",
        "{path} holds real cases; it cannot be imported into a training database.",
    ),
    "conflict_unknown": (
        "競合 {value} はありません（解決済みか、番号の誤り）。`renkei-desk conflict list` で確認してください。",
        "There is no open conflict {value} (resolved already, or a wrong number). See `renkei-desk conflict list`.",
    ),
    "conflict_field_unknown": (
        "項目「{value}」はこの競合に含まれていません。競合している項目: {allowed}",
        'The field "{value}" is not in this conflict. Fields in conflict: {allowed}',
    ),
    "package_written": (
        "送付ファイルを作成しました: {path}（{to} 宛て 第{sequence}号、受付 {inquiries} 件・対応履歴 {actions} 件・相談者 {inquirers} 件）",
        "Package written: {path} (to {to}, no. {sequence}: {inquiries} inquiries, {actions} actions, {inquirers} inquirers)",
    ),
    "conflicts_header": ("未解決の競合: {count} 件", "Open conflicts: {count}"),
    "conflict_resolved": ("競合 {value} を解決しました。", "Conflict {value} resolved."),
    "masters_written": (
        "マスタ送付ファイルを作成しました: {path}",
        "Master package written: {path}",
    ),
    "masters_imported": (
        "マスタを取り込みました: {path}（追加 {inserted}、更新 {updated}、変更なし {unchanged}、古い版 {stale}）",
        "Masters imported from {path} ({inserted} added, {updated} updated, {unchanged} unchanged, {stale} stale)",
    ),
    "masters_central_only": (
        "マスタ送付ファイルは本庁（HQ）で作成します（この事務所は {office}）。",
        "Master packages are made at the central office, HQ (this office is {office}).",
    ),
    "package_password_set": ("共有パスワードを設定しました。", "The shared password is set."),
    "password_prompt": ("パスワード: ", "Password: "),
    "password_again": ("もう一度: ", "Again: "),
    "password_mismatch": (
        "2回の入力が一致しません。もう一度設定してください。",
        "The two entries differ. Please set it again.",
    ),
    "edit_conflict": (
        "{value} はこの画面を開いた後に変更されています。両方で変わった項目が {count} 件あります。どちらの値を残すか選んでください。",
        "{value} was changed after this form was opened: {count} fields were changed on both sides. Choose which value to keep.",
    ),
    "already_deleted": (
        "受付番号「{value}」の相談は削除済みです。",
        'The inquiry "{value}" has been deleted.',
    ),
    "action_unknown": (
        "対応履歴「{value}」は見つかりません。",
        'No action "{value}".',
    ),
    "action_not_referral": (
        "この対応は紹介ではないため、回答を記録できません。",
        "This action is not a referral, so no reply can be logged.",
    ),
    # database and files
    "office_unknown": (
        "事務所コード「{value}」は登録されていません。使えるコード: {allowed}",
        'Unknown office code "{value}". Known codes: {allowed}',
    ),
    "office_mismatch": (
        "このデータベースは「{current}」のものです。「{value}」としては初期化できません。",
        'This database belongs to "{current}"; it cannot be initialised as "{value}".',
    ),
    "not_initialised": (
        "データベースが初期化されていません。先に renkei-desk init --office CODE を実行してください。",
        "The database is not initialised. Run renkei-desk init --office CODE first.",
    ),
    "database_unreadable": (
        "データベース「{path}」を開けません: {detail}",
        'Cannot open the database "{path}": {detail}',
    ),
    "database_damaged": (
        "データベース「{path}」が壊れています: {detail}。バックアップから restore してください。",
        'The database "{path}" is damaged: {detail}. Restore it from a backup.',
    ),
    "database_newer": (
        "データベースの版（{revision}）がこのプログラムより新しいため開けません。プログラムを更新してください。",
        "The database (revision {revision}) is newer than this program. Upgrade the program.",
    ),
    "file_not_found": (
        "ファイル「{path}」が見つかりません。",
        'The file "{path}" does not exist.',
    ),
    "backup_target_invalid": (
        "バックアップ先「{path}」はフォルダではありません。",
        'The backup destination "{path}" is not a folder.',
    ),
    "restore_not_database": (
        "「{path}」は連携デスクのバックアップではありません: {detail}",
        '"{path}" is not a Renkei Desk backup: {detail}',
    ),
    "restore_damaged": (
        "「{path}」は壊れているため復元できません（{detail}）。データベースは変更していません。別のバックアップを選んでください。",
        '"{path}" is damaged and cannot be restored ({detail}). The database was not changed. Choose another backup.',
    ),
    "restore_unknown_revision": (
        "「{path}」のデータベースの版（{revision}）はこのプログラムにはありません。新しい版のプログラムで作られたバックアップです。データベースは変更していません。",
        '"{path}" has a database revision ({revision}) this program does not know: it was made by a newer program. The database was not changed.',
    ),
    "restore_other_office": (
        "「{path}」は「{theirs}」のバックアップで、この端末は「{ours}」です。別の事務所のバックアップは復元できません。データベースは変更していません。",
        '"{path}" is a backup of "{theirs}" and this PC is "{ours}": another office\'s backup cannot be restored. The database was not changed.',
    ),
    "backup_folder_unavailable": (
        "バックアップ先「{path}」に書き込めません（{detail}）。外付けドライブなら接続し、設定でバックアップ先を確認してください。何も変更していません。",
        'Cannot write to the backup folder "{path}" ({detail}). Connect the removable drive if it is one, and check the backup folder in Settings. Nothing was changed.',
    ),
    "count_invalid": (
        "件数は1以上{limit}以下で指定してください（指定値: {value}）。",
        "The count must be between 1 and {limit} (given: {value}).",
    ),
    "month_invalid": (
        "月「{value}」は YYYY-MM の形で指定してください（例: 2026-10）。",
        'The month "{value}" must be written YYYY-MM (e.g. 2026-10).',
    ),
    # reading workbooks and CSV files (every importer: sync packages, masters, ledgers)
    "workbook_empty": (
        "「{path}」は空のファイルです（0 バイト）。正しいファイルを選んでください。",
        '"{path}" is an empty file (0 bytes). Choose the right file.',
    ),
    "workbook_cannot_open": (
        "「{path}」を開けません。ファイルが他のプログラムで開かれていないか、読み取りの権限を確認してください。",
        'Cannot open "{path}". Check that no other program holds it and that you may read it.',
    ),
    "workbook_not_spreadsheet": (
        "「{path}」はExcelのブックでもCSVでもありません。",
        '"{path}" is neither an Excel workbook nor a CSV file.',
    ),
    "workbook_file_too_big": (
        "「{path}」は大きすぎるため開きません（{size} MB、上限 {limit} MB）。",
        '"{path}" is too large to open ({size} MB; the limit is {limit} MB).',
    ),
    "workbook_damaged": (
        "「{path}」は壊れているか、途中で切れています。元のファイルをもう一度コピーしてください。",
        '"{path}" is damaged or cut short. Copy the original file again.',
    ),
    "workbook_is_xls": (
        "「{path}」は古い形式のExcelファイル（.xls、Excel 97-2003）です。ここでは .xlsx が必要です。Excelで開き「名前を付けて保存」で「Excel ブック (*.xlsx)」を選んでから取り込んでください。",
        '"{path}" is an old-format Excel file (.xls, Excel 97-2003); an .xlsx is needed here. Open it in Excel and save it as "Excel Workbook (*.xlsx)" first.',
    ),
    "workbook_is_csv": (
        "「{path}」はCSV（テキスト）ファイルで、Excelのブック（.xlsx）ではありません。",
        '"{path}" is a CSV (text) file, not an Excel workbook (.xlsx).',
    ),
    "workbook_not_xlsx": (
        "「{path}」はZIP形式ですが、Excelのブック（.xlsx）ではありません。",
        '"{path}" is a ZIP archive but not an Excel workbook (.xlsx).',
    ),
    "workbook_needs_password": (
        "「{path}」はパスワードで保護されています。パスワードを指定して開いてください。",
        '"{path}" is password-protected. Give the password to open it.',
    ),
    "workbook_password_wrong": (
        "「{path}」をこのパスワードでは開けません。パスワードが違います。",
        '"{path}" cannot be opened with this password: the password is wrong.',
    ),
    "workbook_encryption_unsupported": (
        "「{path}」の暗号化の方式には対応していません。Excelで開き、パスワードを付け直して保存してください。",
        'The encryption of "{path}" is not supported. Open it in Excel and set the password again.',
    ),
    "workbook_too_many_parts": (
        "「{path}」は部品の数が多すぎるため開きません（{count} 個、上限 {limit} 個）。",
        '"{path}" has too many parts to open ({count}; the limit is {limit}).',
    ),
    "workbook_inflates_too_much": (
        "「{path}」は展開すると大きくなりすぎるため開きません（{member}: {size} MB、上限 {limit} MB）。壊れているか、不正なファイルです。",
        '"{path}" would inflate too far to open ({member}: {size} MB; the limit is {limit} MB). It is damaged or hostile.',
    ),
    "workbook_sheet_too_large": (
        "「{path}」のシート（{member}）の範囲が大きすぎるため開きません（{columns} 列 × {rows} 行、上限 {limit} セル）。離れた位置にある不要なセルを削除して保存し直してください。",
        'A sheet of "{path}" ({member}) spans too large a range to open ({columns} columns x {rows} rows; the limit is {limit} cells). Delete stray far-away cells and save it again.',
    ),
    "workbook_too_many_cells": (
        "「{path}」のシート（{member}）はセルの数が多すぎるため開きません（{count} 個、上限 {limit} 個）。壊れているか、不正なファイルです。",
        'A sheet of "{path}" ({member}) holds too many cells to open ({count}; the limit is {limit}). It is damaged or hostile.',
    ),
    "workbook_text_too_large": (
        "「{path}」は共有文字列を各セルに展開すると文字が多すぎるため開きません（{member}: {count} 文字、上限 {limit} 文字）。壊れているか、不正なファイルです。",
        '"{path}" would hold too much text once its shared strings are copied into their cells ({member}: {count} characters; the limit is {limit}). It is damaged or hostile.',
    ),
    "workbook_xml_forbidden": (
        "「{path}」には通常のExcelのブックにはないXMLの定義（DTD・実体宣言）が含まれているため開きません（{member}）。",
        '"{path}" contains XML declarations (DTD, entities) that no Excel workbook has, so it is not opened ({member}).',
    ),
    "workbook_unreadable": (
        "「{path}」のシートを読めません。壊れているか、Excel以外のプログラムで作られた読めない形式です。",
        'The sheets of "{path}" cannot be read: the file is damaged or in a form this program cannot read.',
    ),
    "workbook_sheet_missing": (
        "「{path}」にシート「{sheet}」がありません。",
        '"{path}" has no sheet "{sheet}".',
    ),
    # command results
    "internal_error": (
        "内部エラーが発生しました。詳細はログに記録しました: {path}",
        "An internal error occurred. The details are in the log: {path}",
    ),
    "database_upgraded": (
        "データベースをこのプログラムの版に更新しました（{old} → {new}）: {path}。更新前の写し: {backup}",
        "The database was upgraded to this program's schema ({old} → {new}): {path}. Copy from before the upgrade: {backup}",
    ),
    # first start (the set-up wizard)
    "admin_password_mismatch": (
        "確認のパスワードが一致しません。同じものをもう一度入力してください。",
        "The confirmation differs from the password. Type the same password again.",
    ),
    "database_exists": (
        "{path} にはもうデータベースがあります。初期設定はデータベースのない PC でだけ行います。",
        "There is a database at {path} already. The first-start set-up runs only where there is none.",
    ),
    "setup_done": (
        "{office} の連携デスクを準備しました: {path}",
        "Renkei Desk is set up for {office}: {path}",
    ),
    "about_schema": (
        "データベースの版: {revision}（このプログラムの版: {schema}）",
        "Database schema revision: {revision} (this program's: {schema})",
    ),
    "about_schema_older": (
        "データベースの版: {revision}（このプログラムの版: {schema}。開くときに写しを取ってから更新します）",
        "Database schema revision: {revision} (this program's: {schema}; it is backed up and upgraded when opened)",
    ),
    "about_schema_none": (
        "データベースの版: まだありません（このプログラムの版: {schema}。最初の起動で作成します）",
        "Database schema revision: none yet (this program's: {schema}; the first start creates it)",
    ),
    "about_database": ("データベース: {path}", "Database: {path}"),
    "about_data_dir": (
        "データの場所: {path}（更新前の写しもここに保存します）",
        "Data folder: {path} (backups before an upgrade are kept here too)",
    ),
    "init_done": (
        "{office} のデータベースを準備しました: {path}",
        "The database for {office} is ready: {path}",
    ),
    "demo_done": (
        "デモデータ {count} 件を追加しました（{seconds} 秒）。",
        "Added {count} demo inquiries ({seconds} s).",
    ),
    "deleted": ("受付番号「{value}」を削除しました。", 'Deleted "{value}".'),
    "list_header": ("該当 {count} 件（{shown} 件を表示）", "{count} found ({shown} shown)"),
    "check_ok": ("問題は見つかりませんでした: {path}", "No problems found: {path}"),
    "check_problems": (
        "{count} 件の問題が見つかりました: {path}。バックアップからの復元を検討してください。",
        "{count} problems found in {path}. Consider restoring a backup.",
    ),
    "backup_done": ("バックアップを作成しました: {path}", "Backup written: {path}"),
    "restore_done": (
        "バックアップから復元しました: {path}（置き換えたファイルは {kept} に残しました）",
        "Restored from the backup: {path} (the replaced file was kept as {kept})",
    ),
    "restore_done_new": (
        "バックアップから復元しました: {path}",
        "Restored from the backup: {path}",
    ),
    "backup_folder_is": ("バックアップ先: {path}", "Backup folder: {path}"),
    "check_newest_backup": (
        '最新の正常なバックアップ: {path}（{taken}）。renkei-desk restore "{path}" で復元できます。',
        'Newest sound backup: {path} ({taken}). Restore it with renkei-desk restore "{path}".',
    ),
    "check_no_backup": (
        "正常なバックアップが見つかりません（バックアップ先: {folder}）。",
        "No sound backup was found (backup folder: {folder}).",
    ),
    "database_missing": (
        "データベースがありません: {path}。`renkei-desk init --office CODE` で作成してください。",
        "There is no database at {path}. Create one with `renkei-desk init --office CODE`.",
    ),
    "show_actions": ("対応履歴（{count} 件）", "Actions ({count})"),
    "training_database": (
        "【研修用】このデータベースはデモデータ入りの研修用です。実際の相談は記録しないでください。",
        "[Training] This is a training database with demo data. Do not record real cases in it.",
    ),
    "municipality_retired": (
        "自治体「{name}」（{value}）は {retired_on} に廃止されています。現在の自治体を選んでください。",
        "The municipality {name} ({value}) ceased to exist on {retired_on}. Choose the current one.",
    ),
    # reports
    "year_invalid": (
        "年度「{value}」は {first}〜{last} の西暦4桁で指定してください（例: 2026 は令和8年度）。",
        'The fiscal year "{value}" must be a year from {first} to {last} (e.g. 2026).',
    ),
    "period_dates_missing": (
        "期間を指定するときは、開始日と終了日の両方を入力してください。",
        "Enter both the first and the last day of the period.",
    ),
    "period_invalid": (
        "期間の終わり（{last}）が始まり（{first}）より前です。",
        "The period ends ({last}) before it begins ({first}).",
    ),
    "report_out_unwritable": (
        "報告書を書き込めません: {path}（{detail}）。保存先のフォルダと名前を確認してください。",
        "Cannot write the report to {path} ({detail}). Check the folder and the file name.",
    ),
    "report_personal_needs_password": (
        "個人情報を含む報告書には共有パスワードが必要です（暗号化のため）。設定画面で設定してください。",
        "A report with personal data needs the shared password (to encrypt it). Set it in the settings.",
    ),
    "report_pdf_failed": (
        "PDFを作成できませんでした: {path}。",
        "Could not write the PDF: {path}.",
    ),
    "report_pdf_personal": (
        "PDFには個人情報を入れられません（暗号化できないため）。--include-personal を外してください。",
        "A PDF cannot hold personal data (it cannot be encrypted). Leave out --include-personal.",
    ),
    "report_written": ("報告書を作成しました: {path}", "Report written: {path}"),
    # ledger import
    "ledger_password_protected": (
        "「{path}」はパスワードで保護されています。受付簿はExcelで開いてパスワードを解除し、保存し直してから取り込んでください。",
        '"{path}" is password-protected. Open the ledger in Excel, remove the password, save it and import it again.',
    ),
    "ledger_csv_encoding": (
        "「{path}」の文字コードを読めません。UTF-8 か Shift_JIS（cp932）のCSVで保存してください。",
        'Cannot read the character encoding of "{path}". Save the CSV as UTF-8 or Shift_JIS (cp932).',
    ),
    "ledger_no_header": (
        "「{path}」（シート: {sheet}）に見出しの行が見つかりません。「受付日」「相談内容」「団体名」などの見出しが1行に並んでいるか確認してください。",
        'No header row found in "{path}" (sheet: {sheet}). Check that one row holds headers such as 受付日, 相談内容 and 団体名.',
    ),
    "ledger_no_rows": (
        "「{path}」（シート: {sheet}）には見出しの下に取り込む行がありません。",
        '"{path}" (sheet: {sheet}) has no rows under its header row to import.',
    ),
    "ledger_subject_missing": (
        "「{label}」も「相談内容」も空欄です。どちらかを入力してください。",
        'Both "{label}" and the details are empty. Fill in one of them.',
    ),
    "ledger_value_unplaced": (
        "「{label}」のどの区分にも当てはまらないため「{placed}」として取り込みます。",
        'Matches no term of "{label}"; imported as "{placed}".',
    ),
    "ledger_value_kept_in_notes": (
        "この欄の値として読めないため、相談者メモに残して取り込みます。",
        "Does not read as a value of this column; kept in the inquirer's notes.",
    ),
    "ledger_profile_invalid": (
        "取込設定「{path}」を読めません（{detail}）。",
        'Cannot read the mapping profile "{path}" ({detail}).',
    ),
    "ledger_profile_missing": (
        "取込設定「{value}」は保存されておらず、そのファイルもありません。",
        'There is no saved mapping profile or file "{value}".',
    ),
    "ledger_profile_name": (
        "取込設定の名前を入力してください（{limit}文字まで）。",
        "Give the mapping profile a name (at most {limit} characters).",
    ),
    "ledger_rejects_unwritable": (
        "取り込めなかった行を書き込めません: {path}（{detail}）。保存先を確認してください。",
        "Cannot write the refused rows to {path} ({detail}). Check the destination.",
    ),
    "ledger_summary": (
        "{file}（シート {sheet}、見出し {header_row} 行目）: {rows} 行のうち 取込 {imported}、取込済み {already}、重複候補 {duplicates}、取込不可 {rejected}、空行・合計行 {skipped}",
        "{file} (sheet {sheet}, headers on row {header_row}): of {rows} rows, imported {imported}, imported before {already}, possible duplicates {duplicates}, refused {rejected}, blank or total rows {skipped}",
    ),
    "ledger_where": ("{row}行 {column}列「{header}」", "row {row}, column {column} ({header})"),
    "ledger_where_row": ("{row}行", "row {row}"),
    "ledger_dry_run": ("（試行: 何も書き込んでいません）", "(dry run: nothing was written)"),
    "ledger_nothing_usable": (
        "取り込める行がありません。理由を確認して受付簿を直してください。",
        "No row can be imported. See the reasons and fix the ledger.",
    ),
    "ledger_duplicate_row": (
        "{row} 行目は登録済みの {receipt_no} と同じ相談のようです（--add-duplicates で取り込みます）。",
        "Row {row} looks like {receipt_no}, already recorded (--add-duplicates imports it).",
    ),
    "ledger_rejects_written": (
        "取り込めなかった {count} 行を書き出しました: {path}",
        "Wrote the {count} refused rows to {path}",
    ),
    # audit trail and retention
    "retention_years_invalid": (
        "保存期間「{value}」は{low}〜{high}年の整数で指定してください。",
        'The retention period "{value}" must be a whole number of years from {low} to {high}.',
    ),
    "retention_too_recent": (
        "{value} より前に完了した相談はまだ保存期間内です。{limit} 以前の日付を指定してください。",
        "Cases closed before {value} are still within their retention period. Give {limit} or earlier.",
    ),
    "audit_action_unknown": (
        "操作の種類「{value}」はありません。使える種類: {allowed}",
        'There is no kind of action "{value}". Known kinds: {allowed}',
    ),
    "audit_written": (
        "操作記録を出力しました: {path}（{count} 件）",
        "Audit trail written: {path} ({count} entries)",
    ),
    "audit_export_failed": (
        "操作記録を書き出せませんでした: {path}（{detail}）。保存先を確認してください。",
        "Could not write the audit trail to {path} ({detail}). Check the destination.",
    ),
    "retention_done": (
        "{closed_before} より前に完了した相談の相談者 {erased} 人の個人情報を消去しました（相談 {inquiries} 件）。",
        "Erased the personal data of {erased} inquirers whose cases closed before {closed_before} ({inquiries} inquiries).",
    ),
    "retention_dry_run": (
        "{closed_before} より前に完了した相談の相談者 {erased} 人の個人情報が消去の対象です（相談 {inquiries} 件）。消去はしていません。",
        "{erased} inquirers whose cases closed before {closed_before} would be erased ({inquiries} inquiries). Nothing was erased.",
    ),
    # accounts and roles
    "permission_denied": (
        "{what}は{needed}以上の権限が必要です（あなたの権限: {role}）。管理者に依頼してください。",
        "{what} needs the {needed} role or higher (yours: {role}). Ask an administrator.",
    ),
    "no_accounts": (
        "このデータベースには職員アカウントがありません。`renkei-desk init --office 事務所コード` で最初の管理者 admin を作成してください。",
        "This database has no staff accounts. Create the first administrator admin with `renkei-desk init --office CODE`.",
    ),
    "sign_in_failed": (
        "ユーザー「{user}」でサインインできませんでした: ユーザー名かパスワードが違うか、このアカウントは使えません。続けて失敗すると、次の回答までの待ち時間が長くなります（最長30秒）。",
        'Could not sign in as "{user}": the user name or the password is wrong, or the account cannot be used. Failures in a row make the next answer wait longer (up to 30 seconds).',
    ),
    "account_locked": (
        "アカウント「{user}」は続けてサインインに失敗したためロックされています（{until} まで）。管理者にロック解除を依頼してください。",
        'The account "{user}" is locked after failed sign-ins (until {until}). Ask an administrator to unlock it.',
    ),
    "account_disabled": (
        "アカウント「{user}」は無効にされています。管理者に確認してください。",
        'The account "{user}" is disabled. Ask an administrator.',
    ),
    "password_missing": (
        "パスワードがありません: 端末から実行して入力するか、環境変数 RENKEI_DESK_PASSWORD に設定してください。",
        "No password: run the command at a terminal to type it, or set RENKEI_DESK_PASSWORD.",
    ),
    "new_password_missing": (
        "新しいパスワードがありません: 端末から実行して入力するか、環境変数 RENKEI_DESK_NEW_PASSWORD に設定してください。",
        "No new password: run the command at a terminal to type it, or set RENKEI_DESK_NEW_PASSWORD.",
    ),
    "password_too_short": (
        "パスワードが短すぎます: {limit}文字以上にしてください。",
        "The password is too short: use at least {limit} characters.",
    ),
    "password_has_login": (
        "パスワードにユーザー名を含めないでください。",
        "The password must not contain the user name.",
    ),
    "password_one_character": (
        "同じ文字の繰り返しはパスワードに使えません。",
        "A password of one character repeated cannot be used.",
    ),
    "login_invalid": (
        "ユーザー名「{value}」は使えません: 半角の英小文字・数字と . _ - で64文字まで（先頭は英数字）にしてください。",
        'The user name "{value}" cannot be used: lower-case letters, digits and . _ - (up to 64, starting with a letter or digit).',
    ),
    "staff_name_invalid": (
        "氏名を入力してください（{limit}文字まで）。",
        "Give the name (up to {limit} characters).",
    ),
    "role_unknown": (
        "権限「{value}」はありません。使える権限: {allowed}",
        'There is no role "{value}". Roles: {allowed}',
    ),
    "staff_exists": (
        "ユーザー「{value}」は既にあります。",
        'The user "{value}" exists already.',
    ),
    "staff_unknown": (
        "ユーザー「{value}」はありません。`renkei-desk staff list` で確認してください。",
        'There is no user "{value}". See `renkei-desk staff list`.',
    ),
    "staff_disable_self": (
        "自分のアカウントは無効にできません。別の管理者に依頼してください。",
        "You cannot disable your own account. Ask another administrator.",
    ),
    "staff_last_admin": (
        "「{value}」は最後の有効な管理者なので無効にできません。先に別の管理者を追加してください。",
        '"{value}" is the last active administrator and cannot be disabled. Add another administrator first.',
    ),
    "staff_added": (
        "ユーザー「{login}」（{role}）を追加しました。",
        'User "{login}" ({role}) added.',
    ),
    "staff_disabled": ("ユーザー「{login}」を無効にしました。", 'User "{login}" disabled.'),
    "staff_unlocked": ("ユーザー「{login}」のロックを解除しました。", 'User "{login}" unlocked.'),
    "staff_password_set": (
        "ユーザー「{login}」のパスワードを変更しました。",
        'The password of "{login}" is changed.',
    ),
    "first_admin_created": (
        "最初の管理者 admin を作成しました。",
        "The first administrator admin is created.",
    ),
    # Database identity, encrypted backups, secrets not in clear (issues 18.2, 19.1, 19.2).
    "restore_other_database": (
        "「{path}」は別のデータベース（{office}）のバックアップです。このデータベースには"
        "復元できません。事務所を新しいパソコンへ移すときだけ --other-office を付けます。",
        '"{path}" is a backup of another database ({office}); it cannot be restored into this '
        "one. Only when moving an office to a new PC, add --other-office.",
    ),
    "restore_training_into_real": (
        "「{path}」は研修用データベースのバックアップです。実際の業務のデータベースには"
        "復元できません（何も変更していません）。",
        '"{path}" is a backup of a training database; it is never restored into a real one '
        "(nothing was changed).",
    ),
    "restore_real_into_training": (
        "「{path}」は実際の業務のデータベースのバックアップです。研修用データベースには"
        "復元できません（何も変更していません）。",
        '"{path}" is a backup of a real database; it is never restored into a training one '
        "(nothing was changed).",
    ),
    "backup_needs_password": (
        "バックアップのパスワードが未設定のため、データベースのフォルダーの外（{path}）には"
        "バックアップを置けません。外に置くバックアップは必ず暗号化するためです。管理者が"
        "「renkei-desk config set backup-password」（または 設定）で設定してください。",
        "No backup password is set, so no backup may go outside the database's folder "
        "({path}): a backup that leaves it is always encrypted. An administrator sets one with "
        '"renkei-desk config set backup-password" (or in 設定).',
    ),
    "backup_password_needed": (
        "「{path}」は暗号化されたバックアップです。バックアップのパスワードを入力するか、"
        "RENKEI_DESK_BACKUP_PASSWORD に設定してください。",
        '"{path}" is an encrypted backup: give the backup password (typed, or in '
        "RENKEI_DESK_BACKUP_PASSWORD).",
    ),
    "backup_password_wrong": (
        "バックアップのパスワードが違います（「{path}」を開けません）。何も変更していません。",
        'The backup password does not open "{path}". Nothing was changed.',
    ),
    "backup_not_readable": (
        "「{path}」は読めない（途中で切れた、または書き換えられた）暗号化バックアップです。"
        "何も変更していません。",
        '"{path}" is an encrypted backup that cannot be read (cut short or altered). '
        "Nothing was changed.",
    ),
    "backup_password_set": (
        "バックアップのパスワードを設定しました。データベースのフォルダーの外へのバックアップは"
        "このパスワードで暗号化されます。忘れると外のバックアップは復元できません。",
        "The backup password is set. Backups outside the database's folder are encrypted with "
        "it; without it they cannot be restored.",
    ),
    "backup_password_prompt": ("バックアップのパスワード: ", "Backup password: "),
    # Issue 22: files as their receiver sees them (a personal package saved unencrypted).
    "package_personal_unencrypted": (
        "{path}: 個人情報を含む送付ファイルですが、暗号化されていません"
        "（パスワードで開いて保存し直されたものです）。取り込みましたが、このファイルは"
        "安全な場所で削除してください。操作記録に残しました。",
        "{path}: this package holds personal data but is not encrypted (it was opened with the "
        "password and saved again). It was imported; delete the file safely. The audit trail "
        "records it.",
    ),
    # written files, check, demo data and training packages (issue 18: h3)
    "output_unwritable": (
        "ファイルを書き込めません: {path}（{detail}）。保存先のフォルダと名前を確認してください。",
        "Cannot write the file {path} ({detail}). Check the folder and the file name.",
    ),
    "output_exists": (
        "{path} は既にあります。置き換えるときは --overwrite を付けてください"
        "（画面では「上書きしますか？」に「はい」）。別の名前にすることもできます。",
        "{path} exists already. Add --overwrite to replace it (in the window: answer Yes to"
        " the replace question), or choose another name.",
    ),
    "output_protected": (
        "{path} には書き込めません: データベース、そのバックアップ、またはバックアップの"
        "フォルダです。別の場所と名前を選んでください。",
        "Refused to write {path}: it is the database, one of its backups or the backup"
        " folder. Choose another place and name.",
    ),
    "output_overwrite_question": (
        "{path} は既にあります。上書きしますか？",
        "{path} exists already. Do you want to replace it?",
    ),
    "demo_data_real_database": (
        "このデータベースには実際の相談またはアカウントがあります（相談 {inquiries} 件、"
        "init 以外のアカウント {accounts} 件）。デモデータは入れられません。研修には"
        "renkei-desk gui --training の研修用データベースを使ってください。",
        "This database holds real records (inquiries: {inquiries}, accounts besides the one"
        " made at init: {accounts}). Demo data is refused here; practise in the training"
        " database (renkei-desk gui --training).",
    ),
    "check_busy": (
        "データベース「{path}」は別のプログラムが書き込み中で、{seconds} 秒待っても空きません。"
        "壊れてはいません。復元せず、他の画面やプログラムを閉じてからもう一度 check を実行"
        "してください。",
        'The database "{path}" is being written by another program and stayed busy for'
        " {seconds} s. It is not damaged: do not restore; close the other windows or programs"
        " and run check again.",
    ),
    "check_read_only": (
        "データベース「{path}」は読み取り専用です（{detail}）。壊れてはいません。復元せず、"
        "ファイルとフォルダの書き込み権限を確認してください。",
        'The database "{path}" is read-only ({detail}). It is not damaged: do not restore;'
        " check the write permissions of the file and its folder.",
    ),
    "database_busy": (
        "データベース「{path}」は別のプログラムが書き込み中です（{detail}）。壊れてはいません。"
        "他の画面やプログラムを閉じてから、もう一度開いてください。",
        'The database "{path}" is being written by another program ({detail}). It is not'
        " damaged: close the other windows or programs and open it again.",
    ),
    "database_read_only": (
        "データベース「{path}」に書き込めません（{detail}）。壊れてはいません。ファイルと"
        "フォルダの書き込み権限を確認してください。",
        'The database "{path}" cannot be written ({detail}). It is not damaged: check the'
        " write permissions of the file and its folder.",
    ),
    "check_inconsistent": (
        "データベース「{path}」は読めますが、{count} 件の不整合があります。壊れてはいないので"
        "復元はしないでください。内容をシステム担当に伝えてください。",
        'The database "{path}" reads, but {count} inconsistencies were found. It is not'
        " damaged: do not restore; report them to your IT contact.",
    ),
    # issue 17 (package integrity & entry checks): what cannot travel, edited packages
    "text_control_character": (
        "「{label}」に制御文字（{value}）が含まれています。タブと改行以外の制御文字は入力できません。貼り付けた文字を確認してください。",
        '"{label}" holds a control character ({value}). Control characters other than tab and line breaks cannot be entered. Check pasted text.',
    ),
    "date_out_of_range": (
        "「{label}」の日付 {value} は入力できません（{earliest} から {latest} までの日付にしてください）。",
        'The date {value} for "{label}" cannot be entered (give a date from {earliest} to {latest}).',
    ),
    "package_edit_refused": (
        "{path} の {place} の「{label}」の訂正は取り込めません: {reason} 何も取り込みませんでした。",
        'The correction of "{label}" in {place} of {path} cannot be taken: {reason} Nothing was imported.',
    ),
    "package_rows_foreign": (
        "{path} の {sheet} に、書き出した時になかった行が加えられています。承認しても取り込めません。送付元に元のファイルか再送を依頼してください。",
        "{sheet} in {path} holds rows the package did not hold when it was written. It cannot be accepted; ask the sender for the original file or a new one.",
    ),
    # hostile files and every failure a clean refusal (issue 18, defects 5 and 6)
    "file_not_regular": (
        "「{path}」は通常のファイルではありません（フォルダー、装置、パイプなど）。取り込むファイルを選んでください。",
        '"{path}" is not an ordinary file (a folder, a device, a pipe...). Choose the file to import.',
    ),
    "workbook_count_implausible": (
        "「{path}」の {member} には、ありえない数の項目（{count} 個）があると書かれているため開きません。壊れているか、不正なファイルです。",
        '"{path}" claims an impossible number of items in {member} ({count}), so it is not opened. It is damaged or hostile.',
    ),
    "storage_full": (
        "ディスクの空き容量が足りないため保存できませんでした。何も変更していません。不要なファイルを削除するなどして空きを作り、もう一度実行してください。",
        "There is not enough free disk space to save. Nothing was changed. Free some space and try again.",
    ),
    "storage_busy": (
        "他のプログラム（別の窓口の画面や取込みなど）がデータベースに書き込み中のため、保存できませんでした。何も変更していません。しばらく待ってからもう一度実行してください。",
        "Another program (another desk window, an import...) is writing to the database, so nothing could be saved. Nothing was changed. Wait a moment and try again.",
    ),
    "storage_read_only": (
        "データベースのファイルが読み取り専用のため、保存できませんでした。何も変更していません。壊れてはいません。ファイルとフォルダの書き込み権限を確認してください。",
        "The database file is read-only, so nothing could be saved. Nothing was changed and it is not damaged: check the write permissions of the file and its folder.",
    ),
    "package_sheet_overfull": (
        "送付ファイルのシート「{sheet}」が {rows} 行になり、Excel の 1 シートに入る {limit} 行を超えるため作れません。何も書き出していません。全件ではなく前回からの差分で作るか、システム担当に相談してください。",
        'The package\'s sheet "{sheet}" would hold {rows} rows, more than the {limit} an Excel sheet holds, so it cannot be written. Nothing was written: make a package of the changes since the last one instead of a full one, or ask your IT contact.',
    ),
    "sign_in_not_recorded": (
        "他のプログラムがデータベースに書き込み中のため、今回のサインインは記録せずに読み取りだけを行いました。",
        "Another program is writing to the database: this sign-in was not recorded, and only read.",
    ),
    "json_number_too_long": (
        "JSONの数値が長すぎます（{where}、{digits}桁を超えています）。数値の桁数を確認してください。",
        "A number in the JSON is too long ({where}: more than {digits} digits). Check the number.",
    ),
    "text_not_unicode": (
        "「{where}」の {field} に、文字として表せない値（対になっていないサロゲート {char}）が含まれています。元のデータを確認してください。",
        '"{where}" holds a value that is no text in {field} (an unpaired surrogate {char}). Check the data.',
    ),
    "csv_bad_bytes": (
        "「{path}」の {row} 行目に、{encodings} のどれとしても読めないバイト（{bytes}）があります。その行を直すか、ExcelでCSV（UTF-8）として保存し直してください。",
        '"{path}" has bytes that read as none of {encodings} on row {row} ({bytes}). Fix that row, or save the file again from Excel as CSV UTF-8.',
    ),
    # ledger rows and the right person, type and note (issue 18, defect 7)
    "ledger_doubtful_row": (
        "{row} 行目の相談者は、登録済みの相談者（{receipt_no} の相談者）とフリガナが同じで氏名が違います。同じ人か確認してください（取り込まずに残しました。--add-duplicates で別の相談者として取り込みます）。",
        "The inquirer of row {row} has the reading of a known inquirer (the one of {receipt_no}) but another name. Check whether they are the same person (the row is held back; --add-duplicates imports it as another inquirer).",
    ),
    # issue 19 (personal data protection): passwords, audited refusals, idle-lock policy
    "password_published": (
        "このパスワードは研修用として公開されています。別のパスワードにしてください。",
        "This password is published for training. Choose another one.",
    ),
    "password_weak": (
        "パスワードが推測されやすすぎます（よくあるパスワード・単語・数字の並びなど）。単語をいくつかつなげた長めのものにしてください。",
        "The password is too easy to guess (a common password, word or sequence). Use a longer one of several words.",
    ),
    "idle_minutes_invalid": (
        "画面ロックまでの時間「{value}」は使えません: {low}〜{high} 分で指定してください。",
        'The idle-lock time "{value}" cannot be used: give {low} to {high} minutes.',
    ),
    "idle_minutes_set": (
        "操作がないときの画面ロックを最長 {minutes} 分にしました（全職員・全端末）。",
        "The idle lock now applies after at most {minutes} minutes (every member of staff, every PC).",
    ),
    "idle_minutes_are": (
        "操作がないときの画面ロック: 最長 {minutes} 分（全職員・全端末。各職員はこれより短くできます）。",
        "The idle lock applies after at most {minutes} minutes (every member of staff, every PC; each may choose less).",
    ),
    "ledger_contact_invalid": (
        "{label}として読めません。個人情報なのでメモには移さず、この行は取り込みません（除外した行のファイルで直して取り込み直してください）。",
        "Does not read as a {label}. Personal data is never moved into the notes: this row is not imported (correct it in the rejected rows' workbook and import it again).",
    ),
    # issue 21 (the desk window): the idle lock asks for a password alone
    "lock_password_wrong": (
        "パスワードが違います。5回続けて失敗すると15分間ロックされます。",
        "The password is wrong. Five failures in a row lock the account for 15 minutes.",
    ),
    # issue 18.3 (restoring over a damaged database): an administrator of the backup signs in
    "restore_admin_refused": (
        "バックアップの管理者としてサインインできません（ユーザー「{user}」）: ユーザー名かパスワードが違うか、そのバックアップの時点で使える管理者のアカウントではありません。データベースは変更していません。",
        'Cannot sign in as an administrator of the backup (user "{user}"): the user name or the password is wrong, or it was no usable administrator\'s account when the backup was made. The database was not changed.',
    ),
    # issue 23 (retention's first run on the worker): its progress in the window's status bar
    "retention_progress": (
        "保存期間を過ぎた個人情報を消去しています: {done} / {due} 人",
        "Erasing personal data past its retention period: {done} of {due} inquirers",
    ),
    "retention_progress_done": (
        "保存期間を過ぎた個人情報を消去しました: {due} 人",
        "Personal data past its retention period erased: {due} inquirers",
    ),
    # sync packages of a large office (zip_guard's whole-archive ratio, excel/package_limits)
    "workbook_whole_inflates_too_much": (
        "「{path}」は展開すると大きくなりすぎるため開きません（全体で {size} MB、上限はファイルの大きさの {ratio} 倍の {limit} MB）。壊れているか、不正なファイルです。",
        '"{path}" would inflate too far to open ({size} MB in all; the limit is {ratio} times the file\'s size, {limit} MB). It is damaged or hostile.',
    ),
    # review of `--db`: another program's SQLite database, refused before it is touched
    "database_foreign": (
        "「{path}」は連携デスクのデータベースではありません（ほかのプログラムのデータベースです）。何も変更していません。--db（または RENKEI_DESK_DB）で指定したファイルを確認してください。",
        '"{path}" is not a Renkei Desk database (it is another program\'s). Nothing was changed. Check the file named by --db (or RENKEI_DESK_DB).',
    ),
    # review of the sync import: a package whose new inquiries reuse receipt numbers held here
    "sync_receipt_taken": (
        "{path} の受付番号 {receipt} は、ここでは別の相談の番号です（送付元の端末を初めから設定し直したなど）。取り込みませんでした。何も変更していません。送付元で受付番号を確認してください。",
        "In {path}, receipt number {receipt} already names another inquiry here (the sending office's PC set up again from nothing, for example). Nothing was imported or changed. Check the receipt numbers at the sending office.",
    ),
    # lost sync packages heal by themselves (services/sync_acks): gaps and what made them good
    "package_not_imported": (
        "{sender} の送付ファイル {number} が未取込です",
        "Package {number} from {sender} has not been imported",
    ),
    "package_made_good_by_full": (
        "{sender} の送付ファイル {numbers} は全件の送付ファイル {sequence} で補われました",
        "Packages {numbers} from {sender} were made good by full package {sequence}",
    ),
    "package_made_good": (
        "{sender} の送付ファイル {numbers} は送付ファイル {sequence} で補われました",
        "Packages {numbers} from {sender} were made good by package {sequence}",
    ),
    "package_written_heals": (
        "{to} がまだ受け取ったと知らせていない送付ファイル {numbers} の分も、もう一度含めました。",
        "It carries again the rows of packages {numbers}, which {to} has not yet said it received.",
    ),
    "package_written_awaits_personal": (
        "送付ファイル {numbers} は個人情報を含んでいたため、個人情報を含めないこの送付ファイルでは"
        "補えません（{to} では未取込のままです）。補うには、個人情報を含めて書き出してください。",
        "Packages {numbers} carried personal fields, which this package without them cannot make"
        " good ({to} still misses them): export with personal fields to make them good.",
    ),
}


def render(code: str, lang: str = "ja", **params: object) -> str:
    """The message for `code` in `lang` ("ja" unless it starts with "en")."""
    ja, en = _MESSAGES[code]
    english = lang.startswith("en")
    template = en if english else ja
    values = {
        key: (value.en if english else value.ja) if isinstance(value, Localized) else value
        for key, value in params.items()
    }
    return template.format(**values)


def known_codes() -> frozenset[str]:
    return frozenset(_MESSAGES)
