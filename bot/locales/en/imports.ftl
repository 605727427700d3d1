## Reading documents: why a file was refused (nothing is stored in every case)

doc-empty = The file is empty. Send a plan or a protocol as DOCX, XLSX or text.
doc-too-large = The file is too large: documents up to { $limit_mb } MB are accepted.
doc-corrupt = The file could not be read: it seems damaged. Open it in Word or Excel, save it again and resend.
doc-zip-bomb = The file was refused: it holds too much compressed data to open safely.
doc-unsupported-format = { $format ->
    [doc] This is an old Word file (.doc). Save it as DOCX and send it again.
    [xls] This is an old Excel file (.xls). Save it as XLSX and send it again.
    [pdf] PDF files are not supported yet. Send the document as DOCX, XLSX or text.
    [image] This is a picture, not a document. Send a plan or a protocol as DOCX, XLSX or text.
   *[other] This file format is not supported. Send a plan or a protocol as DOCX, XLSX or text.
}
doc-encoding = Could not detect the text encoding. Save the file as UTF-8 or Windows-1251 and send it again.
doc-not-a-plan = The document has neither a plan table (with "activity", "executors", "deadline" columns) nor protocol decisions ("Решили: 1. … Срок: … Отв.: …"). It does not look like a work plan or a protocol — nothing was stored.
doc-sheet-not-found = The workbook has no sheet "{ $name }".
