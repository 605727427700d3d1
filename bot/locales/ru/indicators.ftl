## Indicators: the actual value asked with a done report, shown beside the plan's target

indicator-ask = Последний шаг: у пункта { $number } есть показатель на { $year } год — «{ $text }».
    Напишите фактическое значение одной строкой, например «52%» или «14 экспертов». Если значения пока нет, нажмите «Пропустить» — отчёт уйдёт без него.
indicator-skip = Пропустить
indicator-file-added = Файл добавлен к отчёту (всего { $files ->
    [one] { $files } файл
    [few] { $files } файла
   *[many] { $files } файлов
}). Теперь напишите значение показателя или нажмите «Пропустить».
indicator-actual-empty = Напишите значение показателя текстом, например «52%», или нажмите «Пропустить».
indicator-actual-too-long = Значение показателя слишком длинное: { $length } знаков при пределе { $limit }. Напишите его короче, например «52%», — отчёт пока не отправлен, всё написанное сохранено.
indicator-line = Показатель { $year }: план { $target } — факт { $actual }
indicator-no-actual = Показатель { $year }: план { $target } — факт не указан
indicator-plan = Показатель { $year }: план { $target }
