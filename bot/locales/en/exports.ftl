## /export: the plan with its marks as a file

cmd-export = Plan with marks: Word, Excel, web page
export-denied = Exporting the plan is open to the cluster's coordinators and observers. If you need it, please ask your coordinator.
export-choose-cluster = Choose the cluster whose plan to export:
export-choose-format = The plan of «{ $cluster }» with its completion marks. Which format would you like?
export-button-docx = 📄 Word
export-button-xlsx = 📊 Excel
export-button-html = 🌐 Web page
export-no-plan = The cluster «{ $cluster }» has no work plan yet, so there is nothing to export. Send me the plan file and I will load it.
export-caption-docx = Work plan of «{ $cluster }» with completion marks as of { $date }. Ready to print (A4 landscape).
export-caption-xlsx = Work plan of «{ $cluster }» with completion marks as of { $date }; every report is on the second sheet.
export-caption-html = The page «План работы кластера и его выполнение» of «{ $cluster }» as of { $date }: one file, ready to publish on a college website.

## `workplan export`

cli-export-no-cluster = There is no cluster «{ $cluster }» in the database.
cli-export-no-database = The database does not exist yet: nothing to export. First run: workplan db upgrade, then import a plan.
cli-export-no-plan = The cluster «{ $cluster }» has no work plan yet: nothing to export.
cli-export-written = Saved: { $path } ({ $size } KB).
cli-export-unwritable = Could not write the file { $path }: { $problem }
