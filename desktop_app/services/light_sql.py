"""The light read's SQL, compiled from the services' own statements by
services/light_sql_source.py: do not edit, run `python -m desktop_app.services.light_sql_source`."""

# ruff: noqa: E501
# fmt: off
STATEMENTS: dict[str, str] = {'account_keys': 'SELECT count(*) AS count_1 \n'
                 'FROM setting \n'
                 'WHERE (setting."key" LIKE :key_1 || \'%\' ESCAPE \'/\')',
 'add_entry': 'INSERT INTO audit_log (at, staff, action, entity, entity_id, field, old, new, '
              'prev_hash, hash) VALUES (:at, :staff, :action, :entity, :entity_id, :field, '
              ':old, :new, :prev_hash, :hash)',
 'body_labels': 'SELECT agreement_body.code, agreement_body.name \nFROM agreement_body',
 'codes_agreement_bodies': 'SELECT inquiry_agreement.inquiry_pk, inquiry_agreement.code \n'
                           'FROM inquiry_agreement \n'
                           'WHERE inquiry_agreement.inquiry_pk IN (SELECT value \n'
                           'FROM json_each(:json_each_1)) ORDER BY '
                           'inquiry_agreement.inquiry_pk, inquiry_agreement.code',
 'codes_fields': 'SELECT inquiry_field.inquiry_pk, inquiry_field.code \n'
                 'FROM inquiry_field \n'
                 'WHERE inquiry_field.inquiry_pk IN (SELECT value \n'
                 'FROM json_each(:json_each_1)) ORDER BY inquiry_field.inquiry_pk, '
                 'inquiry_field.code',
 'codes_forms': 'SELECT inquiry_form.inquiry_pk, inquiry_form.code \n'
                'FROM inquiry_form \n'
                'WHERE inquiry_form.inquiry_pk IN (SELECT value \n'
                'FROM json_each(:json_each_1)) ORDER BY inquiry_form.inquiry_pk, '
                'inquiry_form.code',
 'codes_municipalities': 'SELECT inquiry_municipality.inquiry_pk, inquiry_municipality.code \n'
                         'FROM inquiry_municipality \n'
                         'WHERE inquiry_municipality.inquiry_pk IN (SELECT value \n'
                         'FROM json_each(:json_each_1)) ORDER BY '
                         'inquiry_municipality.inquiry_pk, inquiry_municipality.code',
 'count_all': 'SELECT count(*) AS count_1 \nFROM inquiry',
 'count_deleted': 'SELECT count(*) AS count_1 \nFROM inquiry \nWHERE inquiry.deleted IS 1',
 'count_month': 'SELECT count(*) AS count_1 \n'
                'FROM (SELECT inquiry.pk AS pk \n'
                'FROM inquiry \n'
                'WHERE inquiry.deleted IS 0 AND inquiry.received_at >= :received_at_1 AND '
                'inquiry.received_at <= :received_at_2) AS anon_1',
 'count_month_status1': 'SELECT count(*) AS count_1 \n'
                        'FROM (SELECT inquiry.pk AS pk \n'
                        'FROM inquiry \n'
                        'WHERE inquiry.deleted IS 0 AND inquiry.received_at >= :received_at_1 '
                        'AND inquiry.received_at <= :received_at_2 AND inquiry.status IN '
                        '(:status_1_1)) AS anon_1',
 'count_month_status2': 'SELECT count(*) AS count_1 \n'
                        'FROM (SELECT inquiry.pk AS pk \n'
                        'FROM inquiry \n'
                        'WHERE inquiry.deleted IS 0 AND inquiry.received_at >= :received_at_1 '
                        'AND inquiry.received_at <= :received_at_2 AND inquiry.status IN '
                        '(:status_1_1, :status_1_2)) AS anon_1',
 'count_month_status3': 'SELECT count(*) AS count_1 \n'
                        'FROM (SELECT inquiry.pk AS pk \n'
                        'FROM inquiry \n'
                        'WHERE inquiry.deleted IS 0 AND inquiry.received_at >= :received_at_1 '
                        'AND inquiry.received_at <= :received_at_2 AND inquiry.status IN '
                        '(:status_1_1, :status_1_2, :status_1_3)) AS anon_1',
 'count_month_status4': 'SELECT count(*) AS count_1 \n'
                        'FROM (SELECT inquiry.pk AS pk \n'
                        'FROM inquiry \n'
                        'WHERE inquiry.deleted IS 0 AND inquiry.received_at >= :received_at_1 '
                        'AND inquiry.received_at <= :received_at_2 AND inquiry.status IN '
                        '(:status_1_1, :status_1_2, :status_1_3, :status_1_4)) AS anon_1',
 'count_month_status5': 'SELECT count(*) AS count_1 \n'
                        'FROM (SELECT inquiry.pk AS pk \n'
                        'FROM inquiry \n'
                        'WHERE inquiry.deleted IS 0 AND inquiry.received_at >= :received_at_1 '
                        'AND inquiry.received_at <= :received_at_2 AND inquiry.status IN '
                        '(:status_1_1, :status_1_2, :status_1_3, :status_1_4, :status_1_5)) AS '
                        'anon_1',
 'count_month_status6': 'SELECT count(*) AS count_1 \n'
                        'FROM (SELECT inquiry.pk AS pk \n'
                        'FROM inquiry \n'
                        'WHERE inquiry.deleted IS 0 AND inquiry.received_at >= :received_at_1 '
                        'AND inquiry.received_at <= :received_at_2 AND inquiry.status IN '
                        '(:status_1_1, :status_1_2, :status_1_3, :status_1_4, :status_1_5, '
                        ':status_1_6)) AS anon_1',
 'count_month_status7': 'SELECT count(*) AS count_1 \n'
                        'FROM (SELECT inquiry.pk AS pk \n'
                        'FROM inquiry \n'
                        'WHERE inquiry.deleted IS 0 AND inquiry.received_at >= :received_at_1 '
                        'AND inquiry.received_at <= :received_at_2 AND inquiry.status IN '
                        '(:status_1_1, :status_1_2, :status_1_3, :status_1_4, :status_1_5, '
                        ':status_1_6, :status_1_7)) AS anon_1',
 'count_status1': 'SELECT count(*) AS count_1 \n'
                  'FROM (SELECT inquiry.pk AS pk \n'
                  'FROM inquiry \n'
                  'WHERE inquiry.deleted IS 0 AND inquiry.status IN (:status_1_1)) AS anon_1',
 'count_status2': 'SELECT count(*) AS count_1 \n'
                  'FROM (SELECT inquiry.pk AS pk \n'
                  'FROM inquiry \n'
                  'WHERE inquiry.deleted IS 0 AND inquiry.status IN (:status_1_1, '
                  ':status_1_2)) AS anon_1',
 'count_status3': 'SELECT count(*) AS count_1 \n'
                  'FROM (SELECT inquiry.pk AS pk \n'
                  'FROM inquiry \n'
                  'WHERE inquiry.deleted IS 0 AND inquiry.status IN (:status_1_1, :status_1_2, '
                  ':status_1_3)) AS anon_1',
 'count_status4': 'SELECT count(*) AS count_1 \n'
                  'FROM (SELECT inquiry.pk AS pk \n'
                  'FROM inquiry \n'
                  'WHERE inquiry.deleted IS 0 AND inquiry.status IN (:status_1_1, :status_1_2, '
                  ':status_1_3, :status_1_4)) AS anon_1',
 'count_status5': 'SELECT count(*) AS count_1 \n'
                  'FROM (SELECT inquiry.pk AS pk \n'
                  'FROM inquiry \n'
                  'WHERE inquiry.deleted IS 0 AND inquiry.status IN (:status_1_1, :status_1_2, '
                  ':status_1_3, :status_1_4, :status_1_5)) AS anon_1',
 'count_status6': 'SELECT count(*) AS count_1 \n'
                  'FROM (SELECT inquiry.pk AS pk \n'
                  'FROM inquiry \n'
                  'WHERE inquiry.deleted IS 0 AND inquiry.status IN (:status_1_1, :status_1_2, '
                  ':status_1_3, :status_1_4, :status_1_5, :status_1_6)) AS anon_1',
 'count_status7': 'SELECT count(*) AS count_1 \n'
                  'FROM (SELECT inquiry.pk AS pk \n'
                  'FROM inquiry \n'
                  'WHERE inquiry.deleted IS 0 AND inquiry.status IN (:status_1_1, :status_1_2, '
                  ':status_1_3, :status_1_4, :status_1_5, :status_1_6, :status_1_7)) AS anon_1',
 'failure_reset': 'SELECT max(audit_log.pk) AS max_1 \n'
                  'FROM audit_log \n'
                  'WHERE audit_log.entity = :entity_1 AND audit_log.entity_id = :entity_id_1 '
                  'AND audit_log.action IN (:action_1_1, :action_1_2, :action_1_3)',
 'failures': 'SELECT count(*) AS count_1 \n'
             'FROM audit_log \n'
             'WHERE audit_log.entity = :entity_1 AND audit_log.entity_id = :entity_id_1 AND '
             'audit_log.action = :action_1 AND audit_log.at >= :at_1 AND audit_log.pk > :pk_1',
 'idle_maximum': 'SELECT setting.value \nFROM setting \nWHERE setting."key" = :key_1',
 'inquirers': 'SELECT inquirer.type, inquirer.organization, inquirer.name, inquirer.kana, '
              'inquirer.phone, inquirer.phone_digits, inquirer.email, inquirer.postal_code, '
              'inquirer.address, inquirer.corporate_number, inquirer.notes, '
              'inquirer.merged_into, inquirer.match_key, inquirer.name_key, inquirer.kana_key, '
              'inquirer.erased_at, inquirer.pk, inquirer.id, inquirer.origin, inquirer.rev, '
              'inquirer.updated_at, inquirer.updated_by, inquirer.deleted, '
              'inquirer.deleted_at, inquirer.change_seq \n'
              'FROM inquirer \n'
              'WHERE inquirer.id IN (SELECT value \n'
              'FROM json_each(:json_each_1))',
 'inquiries': 'SELECT inquiry.receipt_no, inquiry.office_code, inquiry.received_at, '
              'inquiry.channel, inquiry.staff, inquiry.inquirer_id, inquiry.subject, '
              'inquiry.content, inquiry.relationship, inquiry.step, inquiry.domain, '
              'inquiry.status, inquiry.follow_up_due, inquiry.outcome, inquiry.closed_at, '
              'inquiry.closed_on, inquiry.source, inquiry.source_key, inquiry.pk, inquiry.id, '
              'inquiry.origin, inquiry.rev, inquiry.updated_at, inquiry.updated_by, '
              'inquiry.deleted, inquiry.deleted_at, inquiry.change_seq \n'
              'FROM inquiry \n'
              'WHERE inquiry.pk IN (SELECT value \n'
              'FROM json_each(:json_each_1))',
 'ledger_any_imported': 'SELECT inquiry.source_key \n'
                        'FROM inquiry \n'
                        'WHERE inquiry.source_key IS NOT NULL\n'
                        ' LIMIT :param_1 OFFSET :param_2',
 'ledger_any_inquirer': 'SELECT inquirer.id \n'
                        'FROM inquirer \n'
                        'WHERE inquirer.deleted IS 0\n'
                        ' LIMIT :param_1 OFFSET :param_2',
 'ledger_bodies': 'SELECT agreement_body.code, agreement_body.name \nFROM agreement_body',
 'ledger_imported': 'SELECT inquiry.source_key \n'
                    'FROM inquiry \n'
                    'WHERE inquiry.source_key IN (SELECT value \n'
                    'FROM json_each(:json_each_1))',
 'ledger_inquirers_kana_key': 'SELECT inquirer.id, inquirer.match_key, inquirer.name_key, '
                              'inquirer.kana_key, inquirer.phone_digits, inquirer.type, '
                              'inquirer.organization \n'
                              'FROM inquirer \n'
                              'WHERE inquirer.deleted IS 0 AND inquirer.kana_key IN (SELECT '
                              'value \n'
                              'FROM json_each(:json_each_1))',
 'ledger_inquirers_match_key': 'SELECT inquirer.id, inquirer.match_key, inquirer.name_key, '
                               'inquirer.kana_key, inquirer.phone_digits, inquirer.type, '
                               'inquirer.organization \n'
                               'FROM inquirer \n'
                               'WHERE inquirer.deleted IS 0 AND inquirer.match_key IN (SELECT '
                               'value \n'
                               'FROM json_each(:json_each_1))',
 'ledger_inquirers_of': 'SELECT inquirer.id, inquirer.match_key, inquirer.name_key, '
                        'inquirer.kana_key, inquirer.phone_digits, inquirer.type, '
                        'inquirer.organization \n'
                        'FROM inquirer \n'
                        'WHERE inquirer.id IN (SELECT value \n'
                        'FROM json_each(:json_each_1))',
 'ledger_inquirers_phone_digits': 'SELECT inquirer.id, inquirer.match_key, inquirer.name_key, '
                                  'inquirer.kana_key, inquirer.phone_digits, inquirer.type, '
                                  'inquirer.organization \n'
                                  'FROM inquirer \n'
                                  'WHERE inquirer.deleted IS 0 AND inquirer.phone_digits IN '
                                  '(SELECT value \n'
                                  'FROM json_each(:json_each_1))',
 'ledger_municipalities': 'SELECT municipality.code, municipality.prefecture, '
                          'municipality.name, municipality.kind \n'
                          'FROM municipality \n'
                          'WHERE municipality.retired_on IS NULL ORDER BY municipality.code',
 'ledger_newest_receipt': 'SELECT inquiry.receipt_no \n'
                          'FROM inquiry \n'
                          'WHERE inquiry.inquirer_id = :inquirer_id_1 ORDER BY '
                          'inquiry.received_at DESC, inquiry.pk DESC\n'
                          ' LIMIT :param_1 OFFSET :param_2',
 'ledger_same_days': 'SELECT inquiry.received_at, inquiry.receipt_no, inquiry.subject, '
                     'inquiry.content, inquiry.inquirer_id \n'
                     'FROM inquiry \n'
                     'WHERE inquiry.deleted IS 0 AND inquiry.received_at IN (SELECT value \n'
                     'FROM json_each(:json_each_1))',
 'ledger_terms': 'SELECT vocab_term.vocab, vocab_term.code, vocab_term.label_ja, '
                 'vocab_term.label_en \n'
                 'FROM vocab_term \n'
                 'WHERE vocab_term.active IS 1 AND vocab_term.vocab IN (SELECT value \n'
                 'FROM json_each(:json_each_1)) ORDER BY vocab_term.vocab, '
                 'vocab_term.sort_order',
 'list_rows': 'SELECT inquiry.pk, inquiry.receipt_no, inquiry.received_at, '
              'inquiry.office_code, inquiry.status, inquiry.subject, inquirer.organization, '
              'inquirer.name, inquiry.relationship AS relationship_code, inquiry.channel, '
              'inquiry.follow_up_due \n'
              'FROM inquiry JOIN inquirer ON inquirer.id = inquiry.inquirer_id \n'
              'WHERE inquiry.pk IN (SELECT value \n'
              'FROM json_each(:json_each_1))',
 'newest_hash': 'SELECT audit_log.hash \n'
                'FROM audit_log ORDER BY audit_log.pk DESC\n'
                ' LIMIT :param_1 OFFSET :param_2',
 'office': 'SELECT setting.value \nFROM setting \nWHERE setting."key" = :key_1',
 'office_labels': 'SELECT office.code, office.name, office.name_en \nFROM office',
 'own_slot': 'SELECT count(*) AS count_1 \n'
             'FROM setting \n'
             'WHERE setting."key" = (:param_1 || :param_2)',
 'package_slots': 'SELECT count(*) AS count_1 \n'
                  'FROM setting \n'
                  'WHERE (setting."key" LIKE :key_1 || \'%\' ESCAPE \'/\')',
 'page': 'SELECT inquiry.pk \n'
         'FROM inquiry \n'
         'WHERE inquiry.deleted IS 0 ORDER BY inquiry.received_at DESC, inquiry.pk DESC\n'
         ' LIMIT :param_1 OFFSET :param_2',
 'page_month': 'SELECT inquiry.pk \n'
               'FROM inquiry \n'
               'WHERE inquiry.deleted IS 0 AND inquiry.received_at >= :received_at_1 AND '
               'inquiry.received_at <= :received_at_2 ORDER BY inquiry.received_at DESC, '
               'inquiry.pk DESC\n'
               ' LIMIT :param_1 OFFSET :param_2',
 'page_month_status1': 'SELECT inquiry.pk \n'
                       'FROM inquiry \n'
                       'WHERE inquiry.deleted IS 0 AND inquiry.received_at >= :received_at_1 '
                       'AND inquiry.received_at <= :received_at_2 AND inquiry.status IN '
                       '(:status_1_1) ORDER BY inquiry.received_at DESC, inquiry.pk DESC\n'
                       ' LIMIT :param_1 OFFSET :param_2',
 'page_month_status2': 'SELECT inquiry.pk \n'
                       'FROM inquiry \n'
                       'WHERE inquiry.deleted IS 0 AND inquiry.received_at >= :received_at_1 '
                       'AND inquiry.received_at <= :received_at_2 AND inquiry.status IN '
                       '(:status_1_1, :status_1_2) ORDER BY inquiry.received_at DESC, '
                       'inquiry.pk DESC\n'
                       ' LIMIT :param_1 OFFSET :param_2',
 'page_month_status3': 'SELECT inquiry.pk \n'
                       'FROM inquiry \n'
                       'WHERE inquiry.deleted IS 0 AND inquiry.received_at >= :received_at_1 '
                       'AND inquiry.received_at <= :received_at_2 AND inquiry.status IN '
                       '(:status_1_1, :status_1_2, :status_1_3) ORDER BY inquiry.received_at '
                       'DESC, inquiry.pk DESC\n'
                       ' LIMIT :param_1 OFFSET :param_2',
 'page_month_status4': 'SELECT inquiry.pk \n'
                       'FROM inquiry \n'
                       'WHERE inquiry.deleted IS 0 AND inquiry.received_at >= :received_at_1 '
                       'AND inquiry.received_at <= :received_at_2 AND inquiry.status IN '
                       '(:status_1_1, :status_1_2, :status_1_3, :status_1_4) ORDER BY '
                       'inquiry.received_at DESC, inquiry.pk DESC\n'
                       ' LIMIT :param_1 OFFSET :param_2',
 'page_month_status5': 'SELECT inquiry.pk \n'
                       'FROM inquiry \n'
                       'WHERE inquiry.deleted IS 0 AND inquiry.received_at >= :received_at_1 '
                       'AND inquiry.received_at <= :received_at_2 AND inquiry.status IN '
                       '(:status_1_1, :status_1_2, :status_1_3, :status_1_4, :status_1_5) '
                       'ORDER BY inquiry.received_at DESC, inquiry.pk DESC\n'
                       ' LIMIT :param_1 OFFSET :param_2',
 'page_month_status6': 'SELECT inquiry.pk \n'
                       'FROM inquiry \n'
                       'WHERE inquiry.deleted IS 0 AND inquiry.received_at >= :received_at_1 '
                       'AND inquiry.received_at <= :received_at_2 AND inquiry.status IN '
                       '(:status_1_1, :status_1_2, :status_1_3, :status_1_4, :status_1_5, '
                       ':status_1_6) ORDER BY inquiry.received_at DESC, inquiry.pk DESC\n'
                       ' LIMIT :param_1 OFFSET :param_2',
 'page_month_status7': 'SELECT inquiry.pk \n'
                       'FROM inquiry \n'
                       'WHERE inquiry.deleted IS 0 AND inquiry.received_at >= :received_at_1 '
                       'AND inquiry.received_at <= :received_at_2 AND inquiry.status IN '
                       '(:status_1_1, :status_1_2, :status_1_3, :status_1_4, :status_1_5, '
                       ':status_1_6, :status_1_7) ORDER BY inquiry.received_at DESC, '
                       'inquiry.pk DESC\n'
                       ' LIMIT :param_1 OFFSET :param_2',
 'page_status1': 'SELECT inquiry.pk \n'
                 'FROM inquiry \n'
                 'WHERE inquiry.deleted IS 0 AND inquiry.status IN (:status_1_1) ORDER BY '
                 'inquiry.received_at DESC, inquiry.pk DESC\n'
                 ' LIMIT :param_1 OFFSET :param_2',
 'page_status2': 'SELECT inquiry.pk \n'
                 'FROM inquiry \n'
                 'WHERE inquiry.deleted IS 0 AND inquiry.status IN (:status_1_1, :status_1_2) '
                 'ORDER BY inquiry.received_at DESC, inquiry.pk DESC\n'
                 ' LIMIT :param_1 OFFSET :param_2',
 'page_status3': 'SELECT inquiry.pk \n'
                 'FROM inquiry \n'
                 'WHERE inquiry.deleted IS 0 AND inquiry.status IN (:status_1_1, :status_1_2, '
                 ':status_1_3) ORDER BY inquiry.received_at DESC, inquiry.pk DESC\n'
                 ' LIMIT :param_1 OFFSET :param_2',
 'page_status4': 'SELECT inquiry.pk \n'
                 'FROM inquiry \n'
                 'WHERE inquiry.deleted IS 0 AND inquiry.status IN (:status_1_1, :status_1_2, '
                 ':status_1_3, :status_1_4) ORDER BY inquiry.received_at DESC, inquiry.pk '
                 'DESC\n'
                 ' LIMIT :param_1 OFFSET :param_2',
 'page_status5': 'SELECT inquiry.pk \n'
                 'FROM inquiry \n'
                 'WHERE inquiry.deleted IS 0 AND inquiry.status IN (:status_1_1, :status_1_2, '
                 ':status_1_3, :status_1_4, :status_1_5) ORDER BY inquiry.received_at DESC, '
                 'inquiry.pk DESC\n'
                 ' LIMIT :param_1 OFFSET :param_2',
 'page_status6': 'SELECT inquiry.pk \n'
                 'FROM inquiry \n'
                 'WHERE inquiry.deleted IS 0 AND inquiry.status IN (:status_1_1, :status_1_2, '
                 ':status_1_3, :status_1_4, :status_1_5, :status_1_6) ORDER BY '
                 'inquiry.received_at DESC, inquiry.pk DESC\n'
                 ' LIMIT :param_1 OFFSET :param_2',
 'page_status7': 'SELECT inquiry.pk \n'
                 'FROM inquiry \n'
                 'WHERE inquiry.deleted IS 0 AND inquiry.status IN (:status_1_1, :status_1_2, '
                 ':status_1_3, :status_1_4, :status_1_5, :status_1_6, :status_1_7) ORDER BY '
                 'inquiry.received_at DESC, inquiry.pk DESC\n'
                 ' LIMIT :param_1 OFFSET :param_2',
 'plain_package': 'SELECT setting.value \nFROM setting \nWHERE setting."key" = :key_1',
 'signed_in': 'UPDATE staff SET failed_logins=:failed_logins, locked_until=:locked_until WHERE '
              'staff.login = :login_1',
 'staff': 'SELECT staff.login, staff.display_name, staff.role, staff.office_code, '
          'staff.active, staff.password_hash \n'
          'FROM staff \n'
          'WHERE staff.login = :login_1',
 'staff_count': 'SELECT count(*) AS count_1 \nFROM staff',
 'status_terms': 'SELECT vocab_term.code, vocab_term.label_ja, vocab_term.label_en \n'
                 'FROM vocab_term \n'
                 'WHERE vocab_term.vocab = :vocab_1 AND vocab_term.active IS 1 ORDER BY '
                 'vocab_term.sort_order',
 'training': 'SELECT setting.value \nFROM setting \nWHERE setting."key" = :key_1',
 'vocab_labels': 'SELECT vocab_term.vocab, vocab_term.code, vocab_term.label_ja, '
                 'vocab_term.label_en \n'
                 'FROM vocab_term ORDER BY vocab_term.vocab, vocab_term.sort_order',
 'window_offices': 'SELECT office.code, office.name, office.name_en, office.kind \n'
                   'FROM office ORDER BY office.sort_order, office.code',
 'window_staff': 'SELECT staff.login, staff.display_name \nFROM staff',
 'window_terms': 'SELECT vocab_term.vocab, vocab_term.code, vocab_term.label_ja, '
                 'vocab_term.label_en \n'
                 'FROM vocab_term \n'
                 'WHERE vocab_term.active IS 1 ORDER BY vocab_term.vocab, '
                 'vocab_term.sort_order, vocab_term.code'}

# Each statement's parameters: ("arg", the argument bound) or ("fixed", its value).
PARAMETERS: dict[str, dict[str, tuple[str, object]]] = {'account_keys': {'key_1': ('fixed', 'account/_key:')},
 'add_entry': {'action': ('arg', 'action'),
               'at': ('arg', 'at'),
               'entity': ('arg', 'entity'),
               'entity_id': ('arg', 'entity_id'),
               'field': ('arg', 'field'),
               'hash': ('arg', 'hash'),
               'new': ('arg', 'new'),
               'old': ('arg', 'old'),
               'prev_hash': ('arg', 'prev_hash'),
               'staff': ('arg', 'staff')},
 'body_labels': {},
 'codes_agreement_bodies': {'json_each_1': ('arg', 'keys')},
 'codes_fields': {'json_each_1': ('arg', 'keys')},
 'codes_forms': {'json_each_1': ('arg', 'keys')},
 'codes_municipalities': {'json_each_1': ('arg', 'keys')},
 'count_all': {},
 'count_deleted': {},
 'count_month': {'received_at_1': ('arg', 'date_from'), 'received_at_2': ('arg', 'date_to')},
 'count_month_status1': {'received_at_1': ('arg', 'date_from'),
                         'received_at_2': ('arg', 'date_to'),
                         'status_1_1': ('arg', 'status0')},
 'count_month_status2': {'received_at_1': ('arg', 'date_from'),
                         'received_at_2': ('arg', 'date_to'),
                         'status_1_1': ('arg', 'status0'),
                         'status_1_2': ('arg', 'status1')},
 'count_month_status3': {'received_at_1': ('arg', 'date_from'),
                         'received_at_2': ('arg', 'date_to'),
                         'status_1_1': ('arg', 'status0'),
                         'status_1_2': ('arg', 'status1'),
                         'status_1_3': ('arg', 'status2')},
 'count_month_status4': {'received_at_1': ('arg', 'date_from'),
                         'received_at_2': ('arg', 'date_to'),
                         'status_1_1': ('arg', 'status0'),
                         'status_1_2': ('arg', 'status1'),
                         'status_1_3': ('arg', 'status2'),
                         'status_1_4': ('arg', 'status3')},
 'count_month_status5': {'received_at_1': ('arg', 'date_from'),
                         'received_at_2': ('arg', 'date_to'),
                         'status_1_1': ('arg', 'status0'),
                         'status_1_2': ('arg', 'status1'),
                         'status_1_3': ('arg', 'status2'),
                         'status_1_4': ('arg', 'status3'),
                         'status_1_5': ('arg', 'status4')},
 'count_month_status6': {'received_at_1': ('arg', 'date_from'),
                         'received_at_2': ('arg', 'date_to'),
                         'status_1_1': ('arg', 'status0'),
                         'status_1_2': ('arg', 'status1'),
                         'status_1_3': ('arg', 'status2'),
                         'status_1_4': ('arg', 'status3'),
                         'status_1_5': ('arg', 'status4'),
                         'status_1_6': ('arg', 'status5')},
 'count_month_status7': {'received_at_1': ('arg', 'date_from'),
                         'received_at_2': ('arg', 'date_to'),
                         'status_1_1': ('arg', 'status0'),
                         'status_1_2': ('arg', 'status1'),
                         'status_1_3': ('arg', 'status2'),
                         'status_1_4': ('arg', 'status3'),
                         'status_1_5': ('arg', 'status4'),
                         'status_1_6': ('arg', 'status5'),
                         'status_1_7': ('arg', 'status6')},
 'count_status1': {'status_1_1': ('arg', 'status0')},
 'count_status2': {'status_1_1': ('arg', 'status0'), 'status_1_2': ('arg', 'status1')},
 'count_status3': {'status_1_1': ('arg', 'status0'),
                   'status_1_2': ('arg', 'status1'),
                   'status_1_3': ('arg', 'status2')},
 'count_status4': {'status_1_1': ('arg', 'status0'),
                   'status_1_2': ('arg', 'status1'),
                   'status_1_3': ('arg', 'status2'),
                   'status_1_4': ('arg', 'status3')},
 'count_status5': {'status_1_1': ('arg', 'status0'),
                   'status_1_2': ('arg', 'status1'),
                   'status_1_3': ('arg', 'status2'),
                   'status_1_4': ('arg', 'status3'),
                   'status_1_5': ('arg', 'status4')},
 'count_status6': {'status_1_1': ('arg', 'status0'),
                   'status_1_2': ('arg', 'status1'),
                   'status_1_3': ('arg', 'status2'),
                   'status_1_4': ('arg', 'status3'),
                   'status_1_5': ('arg', 'status4'),
                   'status_1_6': ('arg', 'status5')},
 'count_status7': {'status_1_1': ('arg', 'status0'),
                   'status_1_2': ('arg', 'status1'),
                   'status_1_3': ('arg', 'status2'),
                   'status_1_4': ('arg', 'status3'),
                   'status_1_5': ('arg', 'status4'),
                   'status_1_6': ('arg', 'status5'),
                   'status_1_7': ('arg', 'status6')},
 'failure_reset': {'action_1_1': ('fixed', 'sign_in'),
                   'action_1_2': ('fixed', 'staff_unlock'),
                   'action_1_3': ('fixed', 'password'),
                   'entity_1': ('fixed', 'staff'),
                   'entity_id_1': ('arg', 'login')},
 'failures': {'action_1': ('fixed', 'sign_in_failed'),
              'at_1': ('arg', 'since'),
              'entity_1': ('fixed', 'staff'),
              'entity_id_1': ('arg', 'login'),
              'pk_1': ('arg', 'after')},
 'idle_maximum': {'key_1': ('fixed', 'idle_lock_max_minutes')},
 'inquirers': {'json_each_1': ('arg', 'keys')},
 'inquiries': {'json_each_1': ('arg', 'keys')},
 'ledger_any_imported': {'param_1': ('fixed', 1), 'param_2': ('fixed', 0)},
 'ledger_any_inquirer': {'param_1': ('fixed', 1), 'param_2': ('fixed', 0)},
 'ledger_bodies': {},
 'ledger_imported': {'json_each_1': ('arg', 'keys')},
 'ledger_inquirers_kana_key': {'json_each_1': ('arg', 'keys')},
 'ledger_inquirers_match_key': {'json_each_1': ('arg', 'keys')},
 'ledger_inquirers_of': {'json_each_1': ('arg', 'keys')},
 'ledger_inquirers_phone_digits': {'json_each_1': ('arg', 'keys')},
 'ledger_municipalities': {},
 'ledger_newest_receipt': {'inquirer_id_1': ('arg', 'inquirer'),
                           'param_1': ('fixed', 1),
                           'param_2': ('fixed', 0)},
 'ledger_same_days': {'json_each_1': ('arg', 'keys')},
 'ledger_terms': {'json_each_1': ('arg', 'keys')},
 'list_rows': {'json_each_1': ('arg', 'keys')},
 'newest_hash': {'param_1': ('fixed', 1), 'param_2': ('fixed', 0)},
 'office': {'key_1': ('fixed', 'office_code')},
 'office_labels': {},
 'own_slot': {'param_1': ('fixed', 'package_slot:'), 'param_2': ('arg', 'login')},
 'package_slots': {'key_1': ('fixed', 'package/_slot:')},
 'page': {'param_1': ('arg', 'limit'), 'param_2': ('fixed', 0)},
 'page_month': {'param_1': ('arg', 'limit'),
                'param_2': ('fixed', 0),
                'received_at_1': ('arg', 'date_from'),
                'received_at_2': ('arg', 'date_to')},
 'page_month_status1': {'param_1': ('arg', 'limit'),
                        'param_2': ('fixed', 0),
                        'received_at_1': ('arg', 'date_from'),
                        'received_at_2': ('arg', 'date_to'),
                        'status_1_1': ('arg', 'status0')},
 'page_month_status2': {'param_1': ('arg', 'limit'),
                        'param_2': ('fixed', 0),
                        'received_at_1': ('arg', 'date_from'),
                        'received_at_2': ('arg', 'date_to'),
                        'status_1_1': ('arg', 'status0'),
                        'status_1_2': ('arg', 'status1')},
 'page_month_status3': {'param_1': ('arg', 'limit'),
                        'param_2': ('fixed', 0),
                        'received_at_1': ('arg', 'date_from'),
                        'received_at_2': ('arg', 'date_to'),
                        'status_1_1': ('arg', 'status0'),
                        'status_1_2': ('arg', 'status1'),
                        'status_1_3': ('arg', 'status2')},
 'page_month_status4': {'param_1': ('arg', 'limit'),
                        'param_2': ('fixed', 0),
                        'received_at_1': ('arg', 'date_from'),
                        'received_at_2': ('arg', 'date_to'),
                        'status_1_1': ('arg', 'status0'),
                        'status_1_2': ('arg', 'status1'),
                        'status_1_3': ('arg', 'status2'),
                        'status_1_4': ('arg', 'status3')},
 'page_month_status5': {'param_1': ('arg', 'limit'),
                        'param_2': ('fixed', 0),
                        'received_at_1': ('arg', 'date_from'),
                        'received_at_2': ('arg', 'date_to'),
                        'status_1_1': ('arg', 'status0'),
                        'status_1_2': ('arg', 'status1'),
                        'status_1_3': ('arg', 'status2'),
                        'status_1_4': ('arg', 'status3'),
                        'status_1_5': ('arg', 'status4')},
 'page_month_status6': {'param_1': ('arg', 'limit'),
                        'param_2': ('fixed', 0),
                        'received_at_1': ('arg', 'date_from'),
                        'received_at_2': ('arg', 'date_to'),
                        'status_1_1': ('arg', 'status0'),
                        'status_1_2': ('arg', 'status1'),
                        'status_1_3': ('arg', 'status2'),
                        'status_1_4': ('arg', 'status3'),
                        'status_1_5': ('arg', 'status4'),
                        'status_1_6': ('arg', 'status5')},
 'page_month_status7': {'param_1': ('arg', 'limit'),
                        'param_2': ('fixed', 0),
                        'received_at_1': ('arg', 'date_from'),
                        'received_at_2': ('arg', 'date_to'),
                        'status_1_1': ('arg', 'status0'),
                        'status_1_2': ('arg', 'status1'),
                        'status_1_3': ('arg', 'status2'),
                        'status_1_4': ('arg', 'status3'),
                        'status_1_5': ('arg', 'status4'),
                        'status_1_6': ('arg', 'status5'),
                        'status_1_7': ('arg', 'status6')},
 'page_status1': {'param_1': ('arg', 'limit'),
                  'param_2': ('fixed', 0),
                  'status_1_1': ('arg', 'status0')},
 'page_status2': {'param_1': ('arg', 'limit'),
                  'param_2': ('fixed', 0),
                  'status_1_1': ('arg', 'status0'),
                  'status_1_2': ('arg', 'status1')},
 'page_status3': {'param_1': ('arg', 'limit'),
                  'param_2': ('fixed', 0),
                  'status_1_1': ('arg', 'status0'),
                  'status_1_2': ('arg', 'status1'),
                  'status_1_3': ('arg', 'status2')},
 'page_status4': {'param_1': ('arg', 'limit'),
                  'param_2': ('fixed', 0),
                  'status_1_1': ('arg', 'status0'),
                  'status_1_2': ('arg', 'status1'),
                  'status_1_3': ('arg', 'status2'),
                  'status_1_4': ('arg', 'status3')},
 'page_status5': {'param_1': ('arg', 'limit'),
                  'param_2': ('fixed', 0),
                  'status_1_1': ('arg', 'status0'),
                  'status_1_2': ('arg', 'status1'),
                  'status_1_3': ('arg', 'status2'),
                  'status_1_4': ('arg', 'status3'),
                  'status_1_5': ('arg', 'status4')},
 'page_status6': {'param_1': ('arg', 'limit'),
                  'param_2': ('fixed', 0),
                  'status_1_1': ('arg', 'status0'),
                  'status_1_2': ('arg', 'status1'),
                  'status_1_3': ('arg', 'status2'),
                  'status_1_4': ('arg', 'status3'),
                  'status_1_5': ('arg', 'status4'),
                  'status_1_6': ('arg', 'status5')},
 'page_status7': {'param_1': ('arg', 'limit'),
                  'param_2': ('fixed', 0),
                  'status_1_1': ('arg', 'status0'),
                  'status_1_2': ('arg', 'status1'),
                  'status_1_3': ('arg', 'status2'),
                  'status_1_4': ('arg', 'status3'),
                  'status_1_5': ('arg', 'status4'),
                  'status_1_6': ('arg', 'status5'),
                  'status_1_7': ('arg', 'status6')},
 'plain_package': {'key_1': ('fixed', 'package_password')},
 'signed_in': {'failed_logins': ('fixed', 0),
               'locked_until': ('fixed', None),
               'login_1': ('arg', 'login')},
 'staff': {'login_1': ('arg', 'login')},
 'staff_count': {},
 'status_terms': {'vocab_1': ('fixed', 'status')},
 'training': {'key_1': ('fixed', 'training')},
 'vocab_labels': {},
 'window_offices': {},
 'window_staff': {},
 'window_terms': {}}

# (attribute, column, how the ORM reads it) of the rows a record is made from.
COLUMNS: dict[str, tuple[tuple[str, str, str], ...]] = {'inquirer': (('type', 'type', ''),
              ('organization', 'organization', ''),
              ('name', 'name', ''),
              ('kana', 'kana', ''),
              ('phone', 'phone', ''),
              ('phone_digits', 'phone_digits', ''),
              ('email', 'email', ''),
              ('postal_code', 'postal_code', ''),
              ('address', 'address', ''),
              ('corporate_number', 'corporate_number', ''),
              ('notes', 'notes', ''),
              ('merged_into', 'merged_into', ''),
              ('match_key', 'match_key', ''),
              ('name_key', 'name_key', ''),
              ('kana_key', 'kana_key', ''),
              ('erased_at', 'erased_at', 'datetime'),
              ('pk', 'pk', ''),
              ('id', 'id', ''),
              ('origin', 'origin', ''),
              ('rev', 'rev', ''),
              ('updated_at', 'updated_at', 'datetime'),
              ('updated_by', 'updated_by', ''),
              ('deleted', 'deleted', 'bool'),
              ('deleted_at', 'deleted_at', 'datetime'),
              ('change_seq', 'change_seq', '')),
 'inquiry': (('receipt_no', 'receipt_no', ''),
             ('office_code', 'office_code', ''),
             ('received_at', 'received_at', 'date'),
             ('channel', 'channel', ''),
             ('staff', 'staff', ''),
             ('inquirer_id', 'inquirer_id', ''),
             ('subject', 'subject', ''),
             ('content', 'content', ''),
             ('relationship_code', 'relationship', ''),
             ('step', 'step', ''),
             ('domain', 'domain', ''),
             ('status', 'status', ''),
             ('follow_up_due', 'follow_up_due', 'date'),
             ('outcome', 'outcome', ''),
             ('closed_at', 'closed_at', 'datetime'),
             ('closed_on', 'closed_on', 'date'),
             ('source', 'source', ''),
             ('source_key', 'source_key', ''),
             ('pk', 'pk', ''),
             ('id', 'id', ''),
             ('origin', 'origin', ''),
             ('rev', 'rev', ''),
             ('updated_at', 'updated_at', 'datetime'),
             ('updated_by', 'updated_by', ''),
             ('deleted', 'deleted', 'bool'),
             ('deleted_at', 'deleted_at', 'datetime'),
             ('change_seq', 'change_seq', '')),
 'list_row': (('pk', 'pk', ''),
              ('receipt_no', 'receipt_no', ''),
              ('received_at', 'received_at', 'date'),
              ('office_code', 'office_code', ''),
              ('status', 'status', ''),
              ('subject', 'subject', ''),
              ('organization', 'organization', ''),
              ('name', 'name', ''),
              ('relationship_code', 'relationship_code', ''),
              ('channel', 'channel', ''),
              ('follow_up_due', 'follow_up_due', 'date'))}
