## Reading documents: why a file was refused (nothing is stored in every case)

doc-empty = The file is empty. Send a plan or a protocol as DOCX, XLSX or text.
doc-too-large = The file is too large: documents up to { $limit_mb } MB are accepted.
doc-corrupt = The file could not be read: it seems damaged. Open it in Word or Excel, save it again and resend.
doc-zip-bomb = The file was refused: it holds too much compressed data to open safely.
doc-unsupported-format = { $format ->
    [doc] This is an old Word file (.doc). Save it as DOCX and send it again.
    [xls] This is an old Excel file (.xls). Save it as XLSX and send it again.
    [pdf] This PDF could not be read: it seems to be damaged. Send the document as DOCX, XLSX or a PDF saved from Word.
    [encrypted] The file is password-protected. Remove the password, save the file and send it again.
    [rtf] This is an RTF file. Save it as DOCX and send it again.
    [image] This is a picture, not a document. Send a plan or a protocol as DOCX, XLSX or text.
   *[other] This file format is not supported. Send a plan or a protocol as DOCX, XLSX or text.
}
doc-encoding = Could not detect the text encoding. Save the file as UTF-8 or Windows-1251 and send it again.
doc-not-a-plan = The document has neither a plan table (with "activity", "executors", "deadline" columns) nor protocol decisions ("Решили: 1. … Срок: … Отв.: …"). It does not look like a work plan or a protocol — nothing was stored.
doc-too-many-cells = The table has too many filled cells: I accept at most { $limit }. Keep only the plan's sheet in the workbook and resend the file.
doc-formulas-without-values = The table has formulas whose values are not saved in the file. Open the workbook in Excel, let it recalculate, save it and resend.
doc-a-report = This looks like a report of work already done, not a plan: it lists what has been held. Nothing was stored. Please send a work plan, or a protocol with decisions and deadlines.
doc-sheet-not-found = The workbook has no sheet "{ $name }".

## Import dialog

import-not-coordinator = Only a cluster coordinator (the council's chair or secretary) can import a plan. If that is you, ask the bot administrator for a coordinator invite.
import-choose-cluster = Which cluster should the document go to?
import-stale = This action is no longer current. Please send the file again.
import-cancelled = Import cancelled, nothing was stored.
import-button-go = ✅ Import
import-button-cancel = Cancel
import-warnings = <b>Please note:</b>
import-preview-title = <b>Import preview</b>
import-preview-cluster = Cluster: { $cluster }
import-preview-document = { $kind }: { $title }
import-preview-number-date = Number: { $number }, date: { $date }
import-preview-date = Date: { $date }
import-preview-period = Period: { $period }
period-range = { $start } – { $end }
period-none = not stated
list-more = … and { $count } more
doc-kind-plan = Work plan
doc-kind-protocol = Protocol
import-same-file = This file has already been imported into the cluster — nothing changes ({ $count ->
    [one] { $count } item
   *[other] { $count } items
}).
import-reimport-of = This is a new edition of "{ $title }", already in the cluster. What changes:
import-added = Added: { $count ->
    [one] { $count } item
   *[other] { $count } items
}
import-removed = Taken off control: { $count ->
    [one] { $count } item
   *[other] { $count } items
}
import-changed = Changed: { $count ->
    [one] { $count } item
   *[other] { $count } items
}
import-unchanged = Unchanged: { $count ->
    [one] { $count } item
   *[other] { $count } items
}
import-item-line = • { $number }. { $text }
import-changed-line = • { $number }: { $fields }
import-field-text = text
import-field-executors = executors
import-field-deadline = deadline
import-field-result = result
import-field-done = completion mark
import-nothing-changes = The document has not changed — nothing was done.
import-reports-kept = Executors' reports on every item are kept.
import-section-line = • { $title } — { $count ->
    [one] { $count } item
   *[other] { $count } items
}
import-no-section = No section
import-items-total = Found { $count ->
    [one] { $count } item
   *[other] { $count } items
}{ $sections ->
    [0] :
    [one] {" "}in { $sections } section:
   *[other] {" "}in { $sections } sections:
}
import-roles = Executors: { $names }
import-done-count = Already marked done: { $count ->
    [one] { $count } item
   *[other] { $count } items
}
import-undated-line = • { $number } — "{ $phrase }" ({ $kind })
import-undated-line-empty = • { $number } — no deadline given
import-undated = A date is needed ({ $count ->
    [one] { $count } item
   *[other] { $count } items
}) — you can set it right after the import:
import-confirm-question = Import?
import-done = Done: the plan is saved. Items added: { $added }, changed: { $changed }, taken off control: { $removed }.
import-undated-after = { $count ->
    [one] { $count } item has
   *[other] { $count } items have
} no date yet. Set the dates so the bot can remind about them.
import-other-cluster = ⚠️ This looks like another cluster's plan: the title says "{ $named }", but it is being imported into "{ $cluster }". Please check that this is the right cluster.
import-confirm-other = Import into "{ $cluster }" anyway?
import-button-go-other = Import into "{ $cluster }" anyway
import-next-title = <b>What next</b>
import-next-invite = • invite the colleges and executors: /invite
import-next-dates = • { $count ->
    [one] { $count } item has
   *[other] { $count } items have
} no due date — set it with the button below, otherwise the bot cannot remind about { $count ->
    [one] it
   *[other] them
}
import-next-bind = • add the bot to the cluster's group and send /bind there, so the bot can write to the common chat

deadline-kind-date = date
deadline-kind-month = month
deadline-kind-range = period
deadline-kind-quarter = quarter
deadline-kind-half_year = half-year
deadline-kind-recurring = recurring
deadline-kind-continuous = throughout the period
deadline-kind-unscheduled = by schedule
deadline-kind-unrecognized = not recognised
deadline-kind-empty = no deadline given
deadline-needs-year = no year: give the plan's period

## Items without dates

undated-none = Every item of the plan has a deadline.
undated-title = <b>Items without a date</b> ({ $count }). Press an item number to set its date:
undated-phrase = in the plan: "{ $phrase }"
undated-button = 📅 Set dates ({ $count })
undated-item-button = { $number }
undated-ask-date = Item { $number }: { $text }
    The plan says: "{ $phrase }".
    Write the deadline as plans do, e.g. «до 15.05.2022», «март 2022», «II квартал» or «ежеквартально». /cancel to cancel.
undated-date-set = The deadline of item { $number } is set: { $dates }.{ $left ->
    [0] {""}
   *[other] {" "}Still without a date: { $left }.
}

error-not-coordinator = Only a coordinator of this cluster can do this.
error-not-registered = Please send me /start first.
error-item-not-found = The plan item was not found — it may have been removed.
error-item-closed = This item is already closed or taken off control.
error-deadline-unreadable = Could not read the deadline "{ $text }". Write, for example, «до 15.05.2022», «март 2022», «II квартал 2022 года» or «ежеквартально».

## Parse warnings

warn-deadline-unscheduled = Item { $number }: the deadline "{ $text }" has no date — set it after the import.
warn-deadline-unrecognized = Item { $number }: the deadline "{ $text }" was not recognised — set a date after the import.
warn-row-without-number = { $count ->
    [1] A row without an item number was kept as { $numbers }.
   *[other] Rows without item numbers were kept as { $numbers }{ $more ->
        [0] {""}
       *[other] {" "}and { $more } more
    }.
}
warn-duplicate-number = Item number { $number } occurs more than once in the document.
warn-formulas-without-values = { $count ->
    [one] { $count } cell has a formula without a saved value
   *[other] { $count } cells have formulas without saved values
} ({ $cells }{ $more ->
    [0] {""}
   *[other] {" "}and { $more } more
}): they were read as empty. To include them, open the workbook in Excel, save it and resend.
warn-carried-down = { $count ->
    [1] Item { $numbers } has no deadline or executors, so I took them from the row above
   *[other] Items { $numbers }{ $more ->
        [0] {""}
       *[other] {" "}and { $more } more
    } have no deadline or executors, so I took them from the row above
}, as in a merged cell. Please check them after the import.
warn-text-from-section = Item { $number } has no activity text, so I used the section's title «{ $section }». Please correct it after the import.
warn-item-without-text = Item { $number } has no activity text and was skipped.
warn-no-period = The plan's period was not found ("на 2021 год", "на 2021–2022 учебный год"): deadlines without a year count from today.

## Table shapes (issue 12)

warn-numbered-by-order = The items have no numbers, so I numbered them in order.
doc-no-deadline-column = The table has no column with deadlines. Columns found: { $columns }. Add a "Срок" column (e.g. "до 15.05.2024", "март", "ежеквартально") and send the file again — nothing was stored.
doc-pdf-scanned = The PDF has no text layer — it looks like a scan or photos of pages. I cannot recognise text: send the source document (DOCX, XLSX) or a PDF saved from Word. Nothing was stored.
doc-pdf-too-many-pages = The PDF has { $pages } { $pages ->
    [one] page
   *[other] pages
}, and I accept at most { $limit }. Keep only the plan in the file and send it again.
doc-pdf-too-complex = This PDF is too complex: it could not be read in the time allowed. Send the plan as DOCX or XLSX.
doc-office-unavailable = A .{ $format } file can be read where LibreOffice is installed on the server, and it is not here. Save the file as DOCX and send it again.
doc-office-timeout = The .{ $format } file could not be converted in the time allowed. Save it as DOCX and send it again.

## The period of a plan that names none (issue 12)

warn-no-period-asked = The plan names no period («for 2024», «for the 2024/2025 school year») and has no date: deadlines without a year («in March», «by 25 May») are not placed in a year by guess — please give the period.
import-period-ask = Which period does this plan cover? Choose it below and the deadlines without a year are read in it. You can also import as it is: such deadlines go to the list «without a date».
import-period-school = school year { $first }/{ $second }
import-period-calendar = year { $year }
import-period-other = Other…
import-period-type = Type the plan's period, for example «01.09.2025–31.08.2026», «2025/2026» or «2026».
import-period-bad = I did not understand the period «{ $text }». Type, for example, «01.09.2025–31.08.2026», «2025/2026» or «2026».
cli-import-no-period = The document names no period, so deadlines without a year are not read. Give it: --period 2024-09-01..2025-08-31
cli-import-bad-period = The period «{ $value }» is not understood: the form is 2024-09-01..2025-08-31.
