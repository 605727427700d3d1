## /export: the plan with its marks as a file

cmd-export = План с отметками: Word, Excel, веб-страница
export-denied = Выгрузка плана доступна координаторам и наблюдателям кластера. Если она вам нужна, обратитесь к координатору.
export-choose-cluster = Выберите кластер, план которого выгрузить:
export-choose-format = План кластера «{ $cluster }» с отметками о выполнении. В каком виде прислать?
export-button-docx = 📄 Word
export-button-xlsx = 📊 Excel
export-button-html = 🌐 Веб-страница
export-no-plan = В кластере «{ $cluster }» ещё нет плана работы: выгружать пока нечего. Пришлите мне файл плана, и я его загружу.
export-caption-docx = План работы кластера «{ $cluster }» с отметками о выполнении на { $date }. Документ готов к печати (А4, альбомная).
export-caption-xlsx = План работы кластера «{ $cluster }» с отметками о выполнении на { $date }; на втором листе — все отчёты исполнителей.
export-caption-html = Страница «План работы кластера и его выполнение» кластера «{ $cluster }» на { $date }: один файл, его можно разместить на сайте колледжа.

## `workplan export`

cli-export-no-cluster = Кластера «{ $cluster }» нет в базе.
cli-export-no-database = База данных ещё не создана: выгружать нечего. Сначала выполните: workplan db upgrade и загрузите план.
cli-export-no-plan = В кластере «{ $cluster }» ещё нет плана работы: выгружать нечего.
cli-export-written = Сохранено: { $path } ({ $size } КБ).
cli-export-unwritable = Не удалось записать файл { $path }: { $problem }
