## Reading documents: why a file was refused (nothing is stored in every case)

doc-empty = Файл пустой — в нём нет текста. Пришлите план или протокол в формате DOCX, XLSX или текстом.
doc-too-large = Файл слишком большой: принимаю документы до { $limit_mb } МБ.
doc-corrupt = Не удалось прочитать файл: похоже, он повреждён. Откройте его в Word или Excel, сохраните заново и пришлите ещё раз.
doc-zip-bomb = Файл отклонён: внутри него слишком много сжатых данных, такой документ небезопасно открывать.
doc-unsupported-format = { $format ->
    [doc] Это файл старого формата Word (.doc). Сохраните его как DOCX («Файл → Сохранить как → Документ Word») и пришлите ещё раз.
    [xls] Это файл старого формата Excel (.xls). Сохраните его как XLSX и пришлите ещё раз.
    [pdf] Не удалось прочитать этот PDF: похоже, он повреждён. Пришлите документ в формате DOCX, XLSX или PDF, сохранённый из Word.
    [encrypted] Файл защищён паролем. Снимите пароль («Файл → Сведения → Защита документа»), сохраните файл и пришлите ещё раз.
    [rtf] Это файл RTF. Сохраните его как DOCX и пришлите ещё раз.
    [image] Это изображение, а не документ. Пришлите план или протокол в формате DOCX, XLSX или текстом.
   *[other] Этот формат файла не поддерживается. Пришлите план или протокол в формате DOCX, XLSX или текстом.
}
doc-encoding = Не удалось определить кодировку текста. Сохраните файл в UTF-8 или Windows-1251 и пришлите ещё раз.
doc-not-a-plan = В документе не найдено ни таблицы плана (с графами «Наименование мероприятия», «Исполнители», «Срок»), ни решений протокола («Решили: 1. … Срок: … Отв.: …»). Похоже, это не план работы и не протокол — ничего не сохранено.
doc-a-report = Это похоже на отчёт о проделанной работе, а не на план: в нём перечислено то, что уже проведено. Ничего не сохранено. Пришлите, пожалуйста, план работы или протокол с решениями и сроками.
doc-sheet-not-found = В книге нет листа «{ $name }».
doc-too-many-cells = В таблице слишком много заполненных ячеек: принимаю не больше { $limit }. Оставьте в книге только лист с планом и пришлите файл ещё раз.
doc-formulas-without-values = В таблице формулы, значения которых не сохранены в файле. Откройте книгу в Excel, дождитесь пересчёта, сохраните её и пришлите ещё раз.

## Import dialog

import-not-coordinator = Импортировать план может координатор кластера (председатель или секретарь координационного совета). Если это вы, попросите администратора бота прислать вам приглашение координатора.
import-choose-cluster = В какой кластер импортировать документ?
import-stale = Это действие уже неактуально. Пришлите файл ещё раз.
import-cancelled = Импорт отменён, ничего не сохранено.
import-button-go = ✅ Импортировать
import-button-cancel = Отмена
import-warnings = <b>Обратите внимание:</b>
import-preview-title = <b>Предпросмотр импорта</b>
import-preview-cluster = Кластер: { $cluster }
import-preview-document = { $kind }: { $title }
import-preview-number-date = Номер: { $number }, дата: { $date }
import-preview-date = Дата: { $date }
import-preview-period = Период: { $period }
period-range = { $start } – { $end }
period-none = не указан
list-more = … и ещё { $count }
doc-kind-plan = План работы
doc-kind-protocol = Протокол
import-same-file = Этот файл уже импортирован в кластер — изменений нет ({ $count ->
    [one] { $count } пункт
    [few] { $count } пункта
   *[many] { $count } пунктов
}).
import-reimport-of = Это новая редакция документа «{ $title }», который уже есть в кластере. Что изменится:
import-added = Добавится: { $count ->
    [one] { $count } пункт
    [few] { $count } пункта
   *[many] { $count } пунктов
}
import-removed = Будет снято с контроля: { $count ->
    [one] { $count } пункт
    [few] { $count } пункта
   *[many] { $count } пунктов
}
import-changed = Изменится: { $count ->
    [one] { $count } пункт
    [few] { $count } пункта
   *[many] { $count } пунктов
}
import-unchanged = Без изменений: { $count ->
    [one] { $count } пункт
    [few] { $count } пункта
   *[many] { $count } пунктов
}
import-item-line = • { $number }. { $text }
import-changed-line = • { $number }: { $fields }
import-field-text = текст
import-field-executors = исполнители
import-field-deadline = срок
import-field-result = результат
import-field-done = отметка о выполнении
import-nothing-changes = Документ не изменился — ничего не сделано.
import-reports-kept = Отчёты исполнителей по всем пунктам сохранятся.
import-section-line = • { $title } — { $count ->
    [one] { $count } пункт
    [few] { $count } пункта
   *[many] { $count } пунктов
}
import-no-section = Без раздела
import-items-total = Найдено { $count ->
    [one] { $count } пункт
    [few] { $count } пункта
   *[many] { $count } пунктов
}{ $sections ->
    [0] :
    [one] {" "}в { $sections } разделе:
   *[other] {" "}в { $sections } разделах:
}
import-roles = Исполнители: { $names }
import-done-count = Уже отмечено выполненными: { $count ->
    [one] { $count } пункт
    [few] { $count } пункта
   *[many] { $count } пунктов
}
import-undated-line = • { $number } — «{ $phrase }» ({ $kind })
import-undated-line-empty = • { $number } — срок не указан
import-undated = Нужно указать дату ({ $count ->
    [one] { $count } пункт
    [few] { $count } пункта
   *[many] { $count } пунктов
}) — это можно сделать сразу после импорта:
import-confirm-question = Импортировать?
import-done = Готово: план сохранён. Добавлено пунктов: { $added }, изменено: { $changed }, снято с контроля: { $removed }.
import-undated-after = Без даты срока осталось { $count ->
    [one] { $count } пункт
    [few] { $count } пункта
   *[many] { $count } пунктов
}. Укажите даты, чтобы бот напоминал о них.
import-other-cluster = ⚠️ Похоже, это план другого кластера: в заголовке — «{ $named }», а импорт идёт в «{ $cluster }». Проверьте, что выбран нужный кластер.
import-confirm-other = Импортировать в «{ $cluster }», несмотря на это?
import-button-go-other = Всё равно импортировать в «{ $cluster }»
import-next-title = <b>Что дальше</b>
import-next-invite = • пригласите колледжи и исполнителей: /invite
import-next-dates = • у { $count ->
    [one] { $count } пункта
   *[other] { $count } пунктов
} нет даты срока — укажите её кнопкой ниже, иначе бот не сможет { $count ->
    [one] о нём
   *[other] о них
} напомнить
import-next-bind = • добавьте бота в группу кластера и отправьте там /bind, чтобы бот писал в общий чат

deadline-kind-date = дата
deadline-kind-month = месяц
deadline-kind-range = период
deadline-kind-quarter = квартал
deadline-kind-half_year = полугодие
deadline-kind-recurring = регулярно
deadline-kind-continuous = в течение периода
deadline-kind-unscheduled = по графику
deadline-kind-unrecognized = срок не распознан
deadline-kind-empty = срок не указан
deadline-needs-year = нет года: укажите период плана

## Items without dates

undated-none = У всех пунктов плана есть сроки.
undated-title = <b>Пункты без даты срока</b> ({ $count }). Нажмите номер пункта, чтобы указать дату:
undated-phrase = в плане: «{ $phrase }»
undated-button = 📅 Указать сроки ({ $count })
undated-item-button = { $number }
undated-ask-date = Пункт { $number }: { $text }
    В плане срок записан так: «{ $phrase }».
    Напишите срок так, как пишут в плане: например, «до 15.05.2022», «март 2022», «II квартал» или «ежеквартально». /cancel — отменить.
undated-date-set = Срок пункта { $number } установлен: { $dates }.{ $left ->
    [0] {""}
   *[other] {" "}Без даты осталось: { $left }.
}

error-not-coordinator = Это может сделать только координатор этого кластера.
error-not-registered = Сначала отправьте мне /start.
error-item-not-found = Пункт плана не найден — возможно, он уже удалён.
error-item-closed = Этот пункт уже закрыт или снят с контроля.
error-deadline-unreadable = Не удалось понять срок «{ $text }». Напишите, например: «до 15.05.2022», «март 2022», «II квартал 2022 года» или «ежеквартально».

## Parse warnings

warn-deadline-unscheduled = Пункт { $number }: срок «{ $text }» не содержит даты — укажите её после импорта.
warn-deadline-unrecognized = Пункт { $number }: срок «{ $text }» не распознан — укажите дату после импорта.
warn-row-without-number = { $count ->
    [1] Строка без номера пункта сохранена как { $numbers }.
   *[other] Строки без номера пункта сохранены как { $numbers }{ $more ->
        [0] {""}
       *[other] {" "}и ещё { $more }
    }.
}
warn-duplicate-number = Номер пункта { $number } встречается в документе несколько раз.
warn-formulas-without-values = { $count ->
    [one] В { $count } ячейке формула без сохранённого значения
   *[other] В { $count } ячейках формулы без сохранённых значений
} ({ $cells }{ $more ->
    [0] {""}
   *[other] {" "}и ещё { $more }
}): они прочитаны как пустые. Чтобы их учесть, откройте книгу в Excel, сохраните её и пришлите ещё раз.
warn-carried-down = { $count ->
    [1] В пункте { $numbers } срок или исполнители не указаны — взял их из строки выше
   *[other] В пунктах { $numbers }{ $more ->
        [0] {""}
       *[other] {" "}и ещё { $more }
    } срок или исполнители не указаны — взял их из строки выше
}, как в объединённой ячейке. Проверьте их после импорта.
warn-text-from-section = Пункт { $number }: текст мероприятия не указан — записал название раздела «{ $section }». Уточните его после импорта.
warn-item-without-text = Пункт { $number } без текста мероприятия пропущен.
warn-no-period = Не найден период плана («на 2021 год», «на 2021–2022 учебный год»): сроки без года отсчитываются от сегодняшнего дня.

## Table shapes (issue 12)

warn-numbered-by-order = Номера пунктов не указаны — пронумеровал по порядку.
doc-no-deadline-column = В таблице не найден столбец со сроками. Найдены столбцы: { $columns }. Добавьте столбец «Срок» (например, «до 15.05.2024», «март», «ежеквартально») и пришлите файл ещё раз — ничего не сохранено.
doc-pdf-scanned = В PDF нет текстового слоя — похоже, это скан или фотографии страниц. Распознавать текст я не умею: пришлите исходный документ (DOCX, XLSX) или PDF, сохранённый из Word. Ничего не сохранено.
doc-pdf-too-many-pages = В PDF { $pages } { $pages ->
    [one] страница
    [few] страницы
   *[many] страниц
}, а принимаю не больше { $limit }. Оставьте в файле только план и пришлите его ещё раз.
doc-pdf-too-complex = Этот PDF слишком сложный: его не удалось прочитать за отведённое время. Пришлите план в формате DOCX или XLSX.
doc-office-unavailable = Формат .{ $format } можно прочитать, если на сервере установлен LibreOffice, а здесь его нет. Сохраните файл как DOCX («Файл → Сохранить как → Документ Word») и пришлите ещё раз.
doc-office-timeout = Файл .{ $format } не удалось преобразовать за отведённое время. Сохраните его как DOCX («Файл → Сохранить как → Документ Word») и пришлите ещё раз.

## The period of a plan that names none (issue 12)

warn-no-period-asked = Не найден период плана («на 2024 год», «на 2024/2025 учебный год») и дата документа: сроки без года («в марте», «до 25 мая») я не отношу к году сам — укажите период.
import-period-ask = Какой период у этого плана? Выберите его ниже — сроки без года прочитаю в нём. Можно импортировать и так: такие сроки попадут в список «без даты».
import-period-school = { $first }/{ $second } учебный год
import-period-calendar = { $year } год
import-period-other = Другой…
import-period-type = Напишите период плана, например: «01.09.2025–31.08.2026», «2025/2026» или «2026».
import-period-bad = Не понял период «{ $text }». Напишите, например: «01.09.2025–31.08.2026», «2025/2026» или «2026».
cli-import-no-period = В документе не указан период, и сроки без года не распознаны. Укажите его: --period 2024-09-01..2025-08-31
cli-import-bad-period = Период «{ $value }» не понят: нужен вид 2024-09-01..2025-08-31.
