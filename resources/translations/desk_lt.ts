<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="lt_LT">
<context>
    <name>AddBySearchDialog</name>
    <message>
        <location filename="../../editor_app/ui/related/related_panel.py" line="54"/>
        <source>Add related article</source>
        <translation>Pridėti susijusį straipsnį</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/related_panel.py" line="60"/>
        <source>Search headlines and text…</source>
        <translation>Ieškoti antraštėse ir tekste…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/related_panel.py" line="61"/>
        <source>Search</source>
        <translation>Paieška</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/related_panel.py" line="63"/>
        <source>Search results</source>
        <translation>Paieškos rezultatai</translation>
    </message>
</context>
<context>
    <name>ArticleTab</name>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="138"/>
        <source>Editor and preview</source>
        <extracomment>returns alt text for an image or None to cancel; tests replace it a revision every this many seconds of editing (Preferences ▸ Saving) the reason of the next save&apos;s revision (the first edit of a correction)</extracomment>
        <translation>Rengyklė ir peržiūra</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="233"/>
        <source>{status}.</source>
        <translation>{status}.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="236"/>
        <source>{status} by {who} on {when}.</source>
        <translation>{status} ({who}, {when}).</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="238"/>
        <source>{status} on {when}.</source>
        <translation>{status} ({when}).</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="244"/>
        <source>Read-only: changes need an editor to reopen it for correction, and are then kept as revisions the trail shows.</source>
        <translation>Tik skaitymui: kad būtų galima keisti, redaktorius turi atverti straipsnį taisymui; pakeitimai tada išsaugomi kaip versijos, matomos istorijoje.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="278"/>
        <source>Not reopened: {error}</source>
        <translation>Neatverta taisymui: {error}</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="284"/>
        <source>Reopened for correction: the story is in review again; what you change is kept as a revision.</source>
        <translation>Atverta taisymui: straipsnis vėl peržiūrimas; tai, ką pakeisite, bus išsaugota kaip versija.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="491"/>
        <source>Not saved: {error}. Your text is still here; copy it, or ask an editor to reopen the story.</source>
        <translation>Neišsaugota: {error}. Jūsų tekstas liko čia; nukopijuokite jį arba paprašykite redaktoriaus atverti straipsnį taisymui.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="497"/>
        <source>Not saved: {error}. Your text is still here; Byline tries again every few seconds.</source>
        <translation>Neišsaugota: {error}. Jūsų tekstas liko čia; Byline bando dar kartą kas kelias sekundes.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="543"/>
        <source>could not save ({error})</source>
        <translation>nepavyko išsaugoti ({error})</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="550"/>
        <source>This article could not be saved, so its tab stays open with your text. Resolve the problem shown above and close it again.</source>
        <translation>Straipsnio nepavyko išsaugoti, todėl kortelė lieka atverta su jūsų tekstu. Išspręskite viršuje nurodytą problemą ir uždarykite ją dar kartą.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="575"/>
        <source>changed elsewhere</source>
        <translation>pakeista kitur</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="577"/>
        <source>This article was changed elsewhere (another window, the command line or a colleague) since you opened it. Your text is kept here and is NOT saved until you choose:</source>
        <translation>Kol straipsnis buvo atvertas, jis pakeistas kitur (kitame lange, komandų eilutėje ar kolegos). Jūsų tekstas lieka čia ir NEBUS išsaugotas, kol nepasirinksite:</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="580"/>
        <source>Reload theirs</source>
        <translation>Įkelti jų versiją</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="581"/>
        <source>Keep mine (save as new revision)</source>
        <translation>Palikti mano (išsaugoti kaip naują versiją)</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="605"/>
        <source>Reloaded the version saved elsewhere; Edit ▸ Undo brings yours back.</source>
        <translation>Įkelta kitur išsaugota versija; Taisa ▸ Atšaukti grąžina jūsiškę.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="618"/>
        <source>Not saved: {error}</source>
        <translation>Neišsaugota: {error}</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="619"/>
        <source>Try again</source>
        <translation>Bandyti dar kartą</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="624"/>
        <source>Saved your version; the other one is kept in the history.</source>
        <translation>Jūsų versija išsaugota; kita versija liko istorijoje.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="663"/>
        <source>The story is read-only; reopen it for correction to change the headline.</source>
        <translation>Straipsnį galima tik skaityti; norėdami pakeisti antraštę, atverkite jį taisymui.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="678"/>
        <source>Headline quote: {error}</source>
        <translation>Antraštės citata: {error}</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="683"/>
        <source>Headline set from the selected quote.</source>
        <translation>Antraštė sudaryta iš pažymėtos citatos.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="688"/>
        <source>set the interviewee first: the headline quote is “Interviewee: …”</source>
        <translation>pirma nurodykite pašnekovą: antraštės citata rašoma „Pašnekovas: …“</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="690"/>
        <source>select the words of an answer to use them as the headline quote</source>
        <translation>pažymėkite atsakymo žodžius, kuriuos norite padaryti antraštės citata</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="717"/>
        <source>Insert image</source>
        <translation>Įterpti paveikslėlį</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="718"/>
        <source>Images ({patterns})</source>
        <translation>Paveikslėliai ({patterns})</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="727"/>
        <source>Cannot read {name}: {error}</source>
        <translation>Nepavyko perskaityti {name}: {error}</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="746"/>
        <source>Image not added: {error}</source>
        <translation>Paveikslėlis nepridėtas: {error}</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="757"/>
        <source>Describe the image</source>
        <translation>Aprašykite paveikslėlį</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="758"/>
        <source>Alt text for {name}: what the image shows, for readers who cannot see it:</source>
        <translation>Alternatyvusis tekstas paveikslėliui {name} – kas jame matyti (skaitytojams, kurie jo nemato):</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../../editor_app/ui/desk/article_view.py" line="22"/>
        <source>Select an article in the library to read it here; double-click or press Enter to open it for editing.</source>
        <extracomment>English; translated where it is shown (context ArticleView)</extracomment>
        <translation>Pasirinkite straipsnį bibliotekoje ir jis bus parodytas čia; norėdami jį redaguoti, spustelėkite du kartus arba paspauskite Enter.</translation>
    </message>
</context>
<context>
    <name>AutosaveService</name>
    <message>
        <location filename="../../editor_app/ui/desk/autosave.py" line="124"/>
        <source>could not save ({error})</source>
        <extracomment>the fields as last saved by this editor: a version bump that left them alone (tags, status, pins) is not a conflict</extracomment>
        <translation>nepavyko išsaugoti ({error})</translation>
    </message>
</context>
<context>
    <name>BulkTagDialog</name>
    <message numerus="yes">
        <location filename="../../editor_app/ui/related/tag_editor.py" line="336"/>
        <source>Tag %n article(s)</source>
        <translation>
            <numerusform>Žymės %n straipsniui</numerusform>
            <numerusform>Žymės %n straipsniams</numerusform>
            <numerusform>Žymės %n straipsnių</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/tag_editor.py" line="342"/>
        <source>harbour, fisheries</source>
        <translation>uostas, žvejyba</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/tag_editor.py" line="344"/>
        <source>tags to take off, comma-separated</source>
        <translation>nuimamos žymės, atskirtos kableliais</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/tag_editor.py" line="351"/>
        <source>&amp;Add</source>
        <translation>&amp;Pridėti</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/tag_editor.py" line="352"/>
        <source>&amp;Remove</source>
        <translation>&amp;Nuimti</translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor_app/ui/related/tag_editor.py" line="358"/>
        <source>%n article(s) selected. Tags they do not have are simply skipped when removing.</source>
        <translation>
            <numerusform>Pasirinktas %n straipsnis. Nuimant žymes, kurių jis neturi, jos tiesiog praleidžiamos.</numerusform>
            <numerusform>Pasirinkti %n straipsniai. Nuimant žymes, kurių jie neturi, jos tiesiog praleidžiamos.</numerusform>
            <numerusform>Pasirinkta %n straipsnių. Nuimant žymes, kurių jie neturi, jos tiesiog praleidžiamos.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/tag_editor.py" line="371"/>
        <source>Type tags to add or remove.</source>
        <translation>Įveskite žymes, kurias norite pridėti ar nuimti.</translation>
    </message>
</context>
<context>
    <name>EditorialPanels</name>
    <message>
        <location filename="../../editor_app/ui/editorial_panels.py" line="68"/>
        <source>Queues</source>
        <extracomment>the fields the spell checker was built for: language, interviewee, author, title</extracomment>
        <translation>Eilės</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/editorial_panels.py" line="70"/>
        <source>Workflow</source>
        <translation>Darbo eiga</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/editorial_panels.py" line="71"/>
        <source>Comments</source>
        <translation>Komentarai</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/editorial_panels.py" line="73"/>
        <source>Related news</source>
        <translation>Susijusios naujienos</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/editorial_panels.py" line="75"/>
        <source>Spelling</source>
        <translation>Rašyba</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/editorial_panels.py" line="198"/>
        <source>&amp;Review</source>
        <translation>Redagavi&amp;mas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/editorial_panels.py" line="199"/>
        <source>&amp;Tools</source>
        <translation>Įra&amp;nkiai</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/editorial_panels.py" line="200"/>
        <source>&amp;Add Comment on Selection…</source>
        <translation>&amp;Komentuoti pažymėtą tekstą…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/editorial_panels.py" line="202"/>
        <source>&amp;Pre-flight Check…</source>
        <translation>&amp;Patikra prieš skelbiant…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/editorial_panels.py" line="204"/>
        <source>Revision &amp;History…</source>
        <translation>Versijų &amp;istorija…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/editorial_panels.py" line="207"/>
        <source>Show &amp;Workflow</source>
        <translation>Rodyti &amp;darbo eigą</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/editorial_panels.py" line="209"/>
        <source>Show &amp;Comments</source>
        <translation>Rodyti ko&amp;mentarus</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/editorial_panels.py" line="210"/>
        <source>Show &amp;Related News</source>
        <translation>Rodyti &amp;susijusias naujienas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/editorial_panels.py" line="213"/>
        <source>Check &amp;Spelling</source>
        <translation>Tikrinti &amp;rašybą</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/editorial_panels.py" line="218"/>
        <source>Next Spelling Issue</source>
        <translation>Kita rašybos klaida</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/editorial_panels.py" line="220"/>
        <source>&amp;Dictionaries…</source>
        <translation>Žo&amp;dynai…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/editorial_panels.py" line="222"/>
        <source>Tag &amp;Vocabulary…</source>
        <translation>Žymių ž&amp;odynas…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/editorial_panels.py" line="223"/>
        <source>&amp;Tag Selected Articles…</source>
        <translation>&amp;Priskirti žymes pasirinktiems straipsniams…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/editorial_panels.py" line="225"/>
        <source>&amp;Export…</source>
        <translation>&amp;Eksportuoti…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/editorial_panels.py" line="488"/>
        <source>Tag articles</source>
        <translation>Žymės straipsniams</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/editorial_panels.py" line="489"/>
        <source>Select one or more articles in the library first.</source>
        <translation>Pirmiausia bibliotekoje pasirinkite vieną ar daugiau straipsnių.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/editorial_panels.py" line="505"/>
        <source>Export</source>
        <translation>Eksportas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/editorial_panels.py" line="521"/>
        <source>Loading</source>
        <translation>Įkeliama</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="76"/>
        <source>Export HTML bundles</source>
        <translation>HTML paketų eksportas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="83"/>
        <source>Export articles that fail the pre-flight check (recorded)</source>
        <translation>Eksportuoti ir patikros neišlaikiusius straipsnius (tai užfiksuojama)</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="89"/>
        <source>Export progress</source>
        <translation>Eksporto eiga</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="92"/>
        <source>Cancel export</source>
        <translation>Atšaukti eksportą</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="95"/>
        <source>Open folder</source>
        <translation>Atverti aplanką</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="107"/>
        <source>Export</source>
        <translation>Eksportuoti</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="119"/>
        <source>export failed: {error}</source>
        <translation>eksportuoti nepavyko: {error}</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="128"/>
        <source>Articles</source>
        <translation>Straipsniai</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="131"/>
        <source>&amp;Current article</source>
        <translation>&amp;Dabartinis straipsnis</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="133"/>
        <source>&amp;Selected articles ({count})</source>
        <translation>&amp;Pasirinkti straipsniai ({count})</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="135"/>
        <source>All articles &amp;with status</source>
        <translation>Visi straipsniai, kurių &amp;būsena</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="137"/>
        <source>Status</source>
        <translation>Būsena</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="160"/>
        <source>Destination</source>
        <translation>Kur eksportuoti</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="163"/>
        <source>&amp;Folder</source>
        <translation>&amp;Aplankas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="164"/>
        <source>&amp;Zip file</source>
        <translation>&amp;Zip failas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="169"/>
        <source>Write as</source>
        <translation>Įrašyti kaip</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="172"/>
        <source>Byline export</source>
        <translation>Byline eksportas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="174"/>
        <source>Export destination</source>
        <translation>Eksporto vieta</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="175"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Naršyti…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="180"/>
        <source>&amp;Location</source>
        <translation>&amp;Vieta</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="185"/>
        <source>&amp;Articles only (no listing and feed)</source>
        <translation>&amp;Tik straipsniai (be sąrašo ir sklaidos kanalo)</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="186"/>
        <source>Write the article folders without index.html and feed.xml: for a folder that holds a site&apos;s own.</source>
        <translation>Įrašyti straipsnių aplankus be index.html ir feed.xml: aplankui, kuriame yra pačios svetainės failai.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="189"/>
        <source>&amp;Take over the folder (deletes nothing else)</source>
        <translation>Pe&amp;rimti aplanką (kiti failai neištrinami)</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="191"/>
        <source>Replace a listing, feed or article folder there even when Byline did not write it. Without this, Byline refuses and names the file in the way. Other files are never deleted.</source>
        <translation>Pakeisti ten esantį sąrašą, sklaidos kanalą ar straipsnio aplanką, net jei jo neįrašė Byline. Be šios parinkties Byline atsisako ir nurodo trukdantį failą. Kiti failai niekada neištrinami.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="199"/>
        <source>Site settings (saved in the library)</source>
        <translation>Svetainės nuostatos (saugomos bibliotekoje)</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="203"/>
        <source>https://news.example.org (empty: relative links)</source>
        <translation>https://news.example.org (tuščia – santykinės nuorodos)</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="207"/>
        <source>the article&apos;s language (or codes: %d.%m.%Y)</source>
        <translation>pagal straipsnio kalbą (arba kodai: %d.%m.%Y)</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="210"/>
        <source>Site &amp;URL</source>
        <translation>Svetainės adre&amp;sas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="211"/>
        <source>&amp;Publisher</source>
        <translation>&amp;Leidėjas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="212"/>
        <source>&amp;Date format</source>
        <translation>Datos &amp;formatas</translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor_app/ui/export/export_dialog.py" line="227"/>
        <source>%n article(s) will be exported</source>
        <translation>
            <numerusform>Bus eksportuotas %n straipsnis</numerusform>
            <numerusform>Bus eksportuoti %n straipsniai</numerusform>
            <numerusform>Bus eksportuota %n straipsnių</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="233"/>
        <source>en,lt</source>
        <comment>article languages of the dateline sample: codes, comma-separated</comment>
        <translation>lt</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="244"/>
        <source>not a valid date format</source>
        <translation>netinkamas datos formatas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="245"/>
        <source>Dateline: {sample}</source>
        <translation>Data: {sample}</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="249"/>
        <source>Export to zip</source>
        <translation>Eksportuoti į zip failą</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="251"/>
        <source>Zip files (*.zip)</source>
        <translation>Zip failai (*.zip)</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="253"/>
        <source>Export to folder</source>
        <translation>Eksportuoti į aplanką</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="266"/>
        <source>choose where to export</source>
        <translation>pasirinkite, kur eksportuoti</translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor_app/ui/export/export_dialog.py" line="297"/>
        <source>Exporting %n article(s)…</source>
        <translation>
            <numerusform>Eksportuojamas %n straipsnis…</numerusform>
            <numerusform>Eksportuojami %n straipsniai…</numerusform>
            <numerusform>Eksportuojama %n straipsnių…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="308"/>
        <source>Cancelling after the articles in progress…</source>
        <translation>Atšaukiama, kai bus baigti šiuo metu eksportuojami straipsniai…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor_app/ui/export/export_dialog.py" line="319"/>
        <source>%n exported</source>
        <translation>
            <numerusform>Eksportuotas %n straipsnis</numerusform>
            <numerusform>Eksportuoti %n straipsniai</numerusform>
            <numerusform>Eksportuota %n straipsnių</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor_app/ui/export/export_dialog.py" line="321"/>
        <source>, %n failed</source>
        <translation>
            <numerusform>, nepavyko: %n</numerusform>
            <numerusform>, nepavyko: %n</numerusform>
            <numerusform>, nepavyko: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="323"/>
        <source> (cancelled)</source>
        <translation> (atšaukta)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor_app/ui/export/export_dialog.py" line="327"/>
        <source>The zip was not written (%n failed); a previous zip there is unchanged</source>
        <translation>
            <numerusform>Zip failas neįrašytas (nepavyko: %n); ankstesnis zip failas ten nepakeistas</numerusform>
            <numerusform>Zip failas neįrašytas (nepavyko: %n); ankstesnis zip failas ten nepakeistas</numerusform>
            <numerusform>Zip failas neįrašytas (nepavyko: %n); ankstesnis zip failas ten nepakeistas</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="330"/>
        <source>Written to {path}</source>
        <translation>Įrašyta į {path}</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/export/export_dialog.py" line="332"/>
        <source>Note: {note}</source>
        <translation>Pastaba: {note}</translation>
    </message>
</context>
<context>
    <name>FindReplaceBar</name>
    <message>
        <location filename="../../editor_app/ui/desk/find_replace.py" line="53"/>
        <location filename="../../editor_app/ui/desk/find_replace.py" line="54"/>
        <source>Find</source>
        <translation>Rasti</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/find_replace.py" line="56"/>
        <location filename="../../editor_app/ui/desk/find_replace.py" line="57"/>
        <source>Replace with</source>
        <translation>Pakeisti į</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/find_replace.py" line="59"/>
        <source>Match case</source>
        <translation>Skirti didžiąsias ir mažąsias raides</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/find_replace.py" line="60"/>
        <source>Whole words</source>
        <translation>Tik ištisi žodžiai</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/find_replace.py" line="62"/>
        <source>Matches</source>
        <translation>Atitikmenys</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/find_replace.py" line="63"/>
        <source>Next match (Enter)</source>
        <translation>Kitas atitikmuo (Enter)</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/find_replace.py" line="63"/>
        <source>Next match</source>
        <translation>Kitas atitikmuo</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/find_replace.py" line="64"/>
        <source>Previous match</source>
        <translation>Ankstesnis atitikmuo</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/find_replace.py" line="65"/>
        <location filename="../../editor_app/ui/desk/find_replace.py" line="66"/>
        <source>Replace</source>
        <translation>Pakeisti</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/find_replace.py" line="67"/>
        <source>All</source>
        <translation>Visus</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/find_replace.py" line="68"/>
        <source>Replace all (one undo step)</source>
        <translation>Pakeisti visus (atšaukiama vienu veiksmu)</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/find_replace.py" line="69"/>
        <source>Replace all</source>
        <translation>Pakeisti visus</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/find_replace.py" line="70"/>
        <source>Close (Esc)</source>
        <translation>Uždaryti (Esc)</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/find_replace.py" line="70"/>
        <source>Close the find bar</source>
        <translation>Uždaryti paieškos juostą</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/find_replace.py" line="169"/>
        <location filename="../../editor_app/ui/desk/find_replace.py" line="204"/>
        <location filename="../../editor_app/ui/desk/find_replace.py" line="242"/>
        <source>Not found</source>
        <translation>Nerasta</translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor_app/ui/desk/find_replace.py" line="210"/>
        <source>%n+ matches</source>
        <translation>
            <numerusform>%n+ atitikmuo</numerusform>
            <numerusform>%n+ atitikmenys</numerusform>
            <numerusform>%n+ atitikmenų</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor_app/ui/desk/find_replace.py" line="212"/>
        <source>%n match</source>
        <translation>
            <numerusform>%n atitikmuo</numerusform>
            <numerusform>%n atitikmenys</numerusform>
            <numerusform>%n atitikmenų</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor_app/ui/desk/find_replace.py" line="214"/>
        <source>%n matches</source>
        <translation>
            <numerusform>%n atitikmuo</numerusform>
            <numerusform>%n atitikmenys</numerusform>
            <numerusform>%n atitikmenų</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor_app/ui/desk/find_replace.py" line="253"/>
        <source>Replaced %n</source>
        <translation>
            <numerusform>Pakeista: %n</numerusform>
            <numerusform>Pakeista: %n</numerusform>
            <numerusform>Pakeista: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FrozenBanner</name>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="776"/>
        <source>Read-only story</source>
        <translation>Straipsnis tik skaitymui</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="777"/>
        <source>What is being corrected (optional)</source>
        <translation>Kas taisoma (neprivaloma)</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="778"/>
        <source>Correction note</source>
        <translation>Taisymo pastaba</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="779"/>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="780"/>
        <source>Reopen for correction</source>
        <translation>Atverti taisymui</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/article_tab.py" line="796"/>
        <source>Only an editor can reopen it; you act as a {role} (Edit ▸ Preferences)</source>
        <translation>Atverti taisymui gali tik redaktorius; jūsų vaidmuo – {role} (Taisa ▸ Nuostatos)</translation>
    </message>
</context>
<context>
    <name>MarkdownEditor</name>
    <message>
        <location filename="../../editor_app/ui/desk/editor.py" line="33"/>
        <source>a line of {length} characters is longer than the editor can show ({limit}); split it with line breaks in another program first</source>
        <extracomment>Qt lays out a line in time quadratic in its length (200,000 characters: about a second; 3 million: minutes), so longer lines are refused instead of freezing.</extracomment>
        <translation>{length} simbolių eilutė ilgesnė, nei rengyklė gali parodyti ({limit}); pirmiausia kitoje programoje padalykite ją į kelias eilutes</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/editor.py" line="83"/>
        <source>Article text</source>
        <extracomment>pasted HTML larger than this goes in as plain text: converting it would hold the GUI thread for a noticeable moment (an ordinary passage is a few kilobytes) texts longer than this are highlighted in the background after the first screens (a 5,000-word interview&apos;s 300 lines took a tenth of a second before it showed, #20)</extracomment>
        <translation>Straipsnio tekstas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/editor.py" line="186"/>
        <source>link text</source>
        <translation>nuorodos tekstas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/editor.py" line="255"/>
        <source>Go to line</source>
        <translation>Eiti į eilutę</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/editor.py" line="256"/>
        <source>Line (1–{count}):</source>
        <translation>Eilutė (1–{count}):</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/editor.py" line="306"/>
        <source>Not pasted: {error}</source>
        <translation>Neįklijuota: {error}</translation>
    </message>
</context>
<context>
    <name>MetadataPanel</name>
    <message>
        <location filename="../../editor_app/ui/desk/metadata_panel.py" line="50"/>
        <location filename="../../editor_app/ui/desk/metadata_panel.py" line="51"/>
        <location filename="../../editor_app/ui/desk/metadata_panel.py" line="118"/>
        <source>Headline</source>
        <extracomment>fields are never narrower than these: a 30-character name, the full ISO date (#20) a field grows with a longer value up to this many characters of the sample&apos;s width</extracomment>
        <translation>Antraštė</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/metadata_panel.py" line="57"/>
        <source>Kind</source>
        <translation>Rūšis</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/metadata_panel.py" line="61"/>
        <source>Name as printed</source>
        <translation>Vardas, kaip bus spausdinamas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/metadata_panel.py" line="62"/>
        <source>Interviewee</source>
        <translation>Pašnekovas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/metadata_panel.py" line="63"/>
        <source>Reporter</source>
        <translation>Žurnalistas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/metadata_panel.py" line="64"/>
        <source>Author</source>
        <translation>Autorius</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/metadata_panel.py" line="65"/>
        <source>YYYY-MM-DD</source>
        <translation>MMMM-MM-DD</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/metadata_panel.py" line="66"/>
        <source>Dateline</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/metadata_panel.py" line="70"/>
        <location filename="../../editor_app/ui/desk/metadata_panel.py" line="71"/>
        <source>Language</source>
        <translation>Kalba</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/metadata_panel.py" line="79"/>
        <source>One-sentence standfirst</source>
        <translation>Įžanga vienu sakiniu</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/metadata_panel.py" line="80"/>
        <location filename="../../editor_app/ui/desk/metadata_panel.py" line="120"/>
        <source>Summary</source>
        <translation>Santrauka</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/metadata_panel.py" line="84"/>
        <source>&amp;Interviewee</source>
        <translation>Pašneko&amp;vas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/metadata_panel.py" line="90"/>
        <source>Address (slug)</source>
        <translation>Adresas (URL dalis)</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/metadata_panel.py" line="91"/>
        <source>The story&apos;s address on the site and its folder in exports: lowercase letters, digits and hyphens</source>
        <translation>Straipsnio adresas svetainėje ir jo aplankas eksportuojant: mažosios lotyniškos raidės, skaitmenys ir brūkšneliai</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/metadata_panel.py" line="103"/>
        <source>&amp;Kind</source>
        <translation>Rūši&amp;s</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/metadata_panel.py" line="105"/>
        <source>A&amp;uthor</source>
        <translation>&amp;Autorius</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/metadata_panel.py" line="106"/>
        <source>&amp;Date</source>
        <translation>&amp;Data</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/metadata_panel.py" line="107"/>
        <source>&amp;Language</source>
        <translation>&amp;Kalba</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/metadata_panel.py" line="125"/>
        <source>Address</source>
        <translation>Adresas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/metadata_panel.py" line="130"/>
        <source>Tags</source>
        <translation>Žymės</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/metadata_panel.py" line="186"/>
        <source>⚠ Published at this address: changing it breaks every link to the story.</source>
        <translation>⚠ Paskelbta šiuo adresu: jį pakeitus, nebeveiks nė viena nuoroda į straipsnį.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/metadata_panel.py" line="190"/>
        <source>Follows the headline until the story is exported or published.</source>
        <translation>Kinta pagal antraštę, kol straipsnis neeksportuotas ir nepaskelbtas.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/metadata_panel.py" line="194"/>
        <source>Fixed: exported before, or set by hand.</source>
        <translation>Nekinta: jau eksportuotas arba nustatytas rankiniu būdu.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/metadata_panel.py" line="216"/>
        <source>Not a valid address: lowercase letters, digits and single hyphens, at most 80 (not saved until fixed)</source>
        <translation>Netinkamas adresas: mažosios lotyniškos raidės, skaitmenys ir pavieniai brūkšneliai, ne daugiau kaip 80 (neišsaugoma, kol neištaisyta)</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/metadata_panel.py" line="291"/>
        <source>Not a date: use YYYY-MM-DD (not saved until fixed)</source>
        <translation>Ne data: rašykite MMMM-MM-DD (neišsaugoma, kol neištaisyta)</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/metadata_panel.py" line="293"/>
        <source>not a date</source>
        <translation>ne data</translation>
    </message>
</context>
<context>
    <name>OutsideChangeMonitor</name>
    <message>
        <location filename="../../editor_app/ui/desk/outside_changes.py" line="27"/>
        <source>The library file was replaced while Byline had it open (a backup restored by another program?). Nothing more is saved into the old file. Your text is still here: keep it with “Save a copy…”, then close Byline and open it again (the copy can be imported).</source>
        <extracomment>English; translated where it is shown (context OutsideChangeMonitor)</extracomment>
        <translation>Bibliotekos failas buvo pakeistas, kol Byline jį naudojo (gal kita programa atkūrė atsarginę kopiją?). Į senąjį failą daugiau nieko neišsaugoma. Jūsų tekstas liko čia: išsaugokite jį mygtuku „Išsaugoti kopiją…“, tada uždarykite Byline ir atverkite iš naujo (kopiją galima importuoti).</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/outside_changes.py" line="87"/>
        <source>This article was deleted elsewhere. Your text stays here; copy it before closing the tab.</source>
        <extracomment>why the library file is no longer ours (None while it is), see _on_replaced</extracomment>
        <translation>Šis straipsnis ištrintas kitur. Jūsų tekstas lieka čia; nukopijuokite jį prieš uždarydami kortelę.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/outside_changes.py" line="104"/>
        <source>The library file was replaced: nothing more is saved</source>
        <translation>Bibliotekos failas pakeistas: daugiau niekas neišsaugoma</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/outside_changes.py" line="105"/>
        <source>Library file replaced</source>
        <translation>Bibliotekos failas pakeistas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/outside_changes.py" line="115"/>
        <source>Save a copy…</source>
        <translation>Išsaugoti kopiją…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/outside_changes.py" line="123"/>
        <source>Save a copy of the article</source>
        <translation>Išsaugoti straipsnio kopiją</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/outside_changes.py" line="124"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/outside_changes.py" line="131"/>
        <source>Could not save the copy: {error}. </source>
        <translation>Kopijos išsaugoti nepavyko: {error}. </translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/outside_changes.py" line="134"/>
        <source>A copy was saved as {path}. </source>
        <translation>Kopija išsaugota: {path}. </translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../editor_app/ui/desk/preview.py" line="186"/>
        <source>Preparing the preview…</source>
        <extracomment>seconds from request to page updated, of the last update (benchmarks read it)</extracomment>
        <translation>Ruošiama peržiūra…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/preview.py" line="189"/>
        <location filename="../../editor_app/ui/desk/preview.py" line="217"/>
        <source>Preview</source>
        <translation>Peržiūra</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/preview.py" line="212"/>
        <source>Simplified preview: the web view could not be started ({reason}). Exported pages will look different.</source>
        <translation>Supaprastinta peržiūra: nepavyko paleisti naršyklės rodinio ({reason}). Eksportuoti puslapiai atrodys kitaip.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/preview.py" line="285"/>
        <source>Could not render the preview (near line {line}): {error}.</source>
        <translation>Nepavyko parengti peržiūros (ties {line} eilute): {error}.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/preview.py" line="287"/>
        <source>Could not render the preview: {error}.</source>
        <translation>Nepavyko parengti peržiūros: {error}.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/preview.py" line="289"/>
        <source>The text is safe and still being saved; the preview shows the last version that could be rendered.</source>
        <translation>Tekstas saugus ir toliau išsaugomas; peržiūroje rodoma paskutinė versija, kurią pavyko parengti.</translation>
    </message>
</context>
<context>
    <name>RelatedPanel</name>
    <message>
        <location filename="../../editor_app/ui/related/related_panel.py" line="117"/>
        <source>Include newer articles</source>
        <extracomment>the suggestions on display were replaced (number of suggestions)</extracomment>
        <translation>Įtraukti naujesnius straipsnius</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/related_panel.py" line="123"/>
        <source>Article and why</source>
        <translation>Straipsnis ir kodėl</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/related_panel.py" line="123"/>
        <source>Score</source>
        <translation>Balas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/related_panel.py" line="124"/>
        <source>Related news suggestions</source>
        <translation>Siūlomos susijusios naujienos</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/related_panel.py" line="134"/>
        <source>Pin</source>
        <translation>Prisegti</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/related_panel.py" line="135"/>
        <source>Run the selected suggestion under the story</source>
        <translation>Rodyti pasirinktą pasiūlymą po straipsniu</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/related_panel.py" line="136"/>
        <source>Ban</source>
        <translation>Atmesti</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/related_panel.py" line="137"/>
        <source>Never suggest the selected article for this story</source>
        <translation>Niekada nesiūlyti pasirinkto straipsnio prie šio straipsnio</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/related_panel.py" line="139"/>
        <source>Related news</source>
        <translation>Susijusios naujienos</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/related_panel.py" line="142"/>
        <source>Unpin</source>
        <translation>Atsegti</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/related_panel.py" line="143"/>
        <source>Add by search…</source>
        <translation>Pridėti ieškant…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/related_panel.py" line="155"/>
        <source>&lt;b&gt;Suggestions&lt;/b&gt;</source>
        <translation>&lt;b&gt;Pasiūlymai&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/related_panel.py" line="159"/>
        <source>&lt;b&gt;Related news&lt;/b&gt; (drag to reorder)</source>
        <translation>&lt;b&gt;Susijusios naujienos&lt;/b&gt; (tvarką keiskite tempdami)</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/related_panel.py" line="195"/>
        <source>Looking for related articles…</source>
        <translation>Ieškoma susijusių straipsnių…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/related_panel.py" line="286"/>
        <source>  (pinned)</source>
        <translation>  (prisegta)</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/related_panel.py" line="292"/>
        <source>{title}, {date}, score {score}: {why}</source>
        <translation>{title}, {date}, balas {score}: {why}</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/related_panel.py" line="293"/>
        <source>no date</source>
        <translation>be datos</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/related_panel.py" line="298"/>
        <source>No related articles found.</source>
        <translation>Susijusių straipsnių nerasta.</translation>
    </message>
</context>
<context>
    <name>SaveState</name>
    <message>
        <location filename="../../editor_app/ui/desk/autosave.py" line="41"/>
        <source>Saved</source>
        <extracomment>Continuous typing still saves this long after the first unsaved change. A revision snapshot every this many seconds of editing.</extracomment>
        <translation>Išsaugota</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/autosave.py" line="42"/>
        <source>Unsaved changes</source>
        <translation>Neišsaugoti pakeitimai</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/autosave.py" line="43"/>
        <source>Saving…</source>
        <translation>Išsaugoma…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/autosave.py" line="44"/>
        <source>Not saved</source>
        <translation>Neišsaugota</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/desk/autosave.py" line="52"/>
        <source>{state}: {detail}</source>
        <translation>{state}: {detail}</translation>
    </message>
</context>
<context>
    <name>SpaceUpdater</name>
    <message>
        <location filename="../../editor_app/ui/related/related_space.py" line="86"/>
        <source>the topic-space update stopped ({code})</source>
        <extracomment>an update ended: &quot;&quot; when it succeeded, else its one-line error</extracomment>
        <translation>temų erdvės atnaujinimas nutrūko ({code})</translation>
    </message>
</context>
<context>
    <name>TagChip</name>
    <message>
        <location filename="../../editor_app/ui/related/tag_editor.py" line="154"/>
        <source>Remove the tag “{name}”</source>
        <translation>Pašalinti žymę „{name}“</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/tag_editor.py" line="155"/>
        <source>Remove tag {name}</source>
        <translation>Pašalinti žymę {name}</translation>
    </message>
</context>
<context>
    <name>TagEditor</name>
    <message>
        <location filename="../../editor_app/ui/related/tag_editor.py" line="57"/>
        <source>in the title</source>
        <extracomment>why core/related/tagging suggests a tag (its English reasons), translated where shown</extracomment>
        <translation>antraštėje</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/tag_editor.py" line="58"/>
        <source>in the summary</source>
        <translation>santraukoje</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/tag_editor.py" line="59"/>
        <source>{hits}× in the body</source>
        <translation>tekste {hits} k.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/tag_editor.py" line="60"/>
        <source>on {carriers} of {similar} similar articles</source>
        <translation>{carriers} iš {similar} panašių straipsnių</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/tag_editor.py" line="61"/>
        <source>{found} as {aliases}</source>
        <translation>{found} kaip {aliases}</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/tag_editor.py" line="192"/>
        <source>Add a tag and press Enter</source>
        <extracomment>the article&apos;s tags after a change made here</extracomment>
        <translation>Įveskite žymę ir paspauskite Enter</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/tag_editor.py" line="193"/>
        <source>Add a tag</source>
        <translation>Pridėti žymę</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/tag_editor.py" line="306"/>
        <source>Suggested:</source>
        <extracomment>where Tab comes from and goes to around the tags (set by the article&apos;s tab)</extracomment>
        <translation>Siūlomos:</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/tag_editor.py" line="311"/>
        <source>score {score}: {why}</source>
        <translation>balas {score}: {why}</translation>
    </message>
</context>
<context>
    <name>VocabularyDialog</name>
    <message>
        <location filename="../../editor_app/ui/related/vocabulary_dialog.py" line="36"/>
        <source>Name</source>
        <extracomment>English; translated where they are shown (context VocabularyDialog)</extracomment>
        <translation>Pavadinimas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/vocabulary_dialog.py" line="37"/>
        <source>Slug</source>
        <translation>Adresas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/vocabulary_dialog.py" line="38"/>
        <location filename="../../editor_app/ui/related/vocabulary_dialog.py" line="185"/>
        <source>Aliases</source>
        <translation>Sinonimai</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/vocabulary_dialog.py" line="39"/>
        <location filename="../../editor_app/ui/related/vocabulary_dialog.py" line="200"/>
        <source>Description</source>
        <translation>Aprašas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/vocabulary_dialog.py" line="40"/>
        <source>Articles</source>
        <translation>Straipsniai</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/vocabulary_dialog.py" line="49"/>
        <source>Tag vocabulary</source>
        <translation>Žymių žodynas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/vocabulary_dialog.py" line="57"/>
        <source>Filter tags…</source>
        <extracomment>asks the user to confirm (title, text) -&gt; bool; tests replace it</extracomment>
        <translation>Filtruoti žymes…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/vocabulary_dialog.py" line="58"/>
        <source>Filter tags</source>
        <translation>Filtruoti žymes</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/vocabulary_dialog.py" line="62"/>
        <source>Tags</source>
        <translation>Žymės</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/vocabulary_dialog.py" line="71"/>
        <source>&amp;Rename…</source>
        <translation>&amp;Pervadinti…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/vocabulary_dialog.py" line="72"/>
        <source>&amp;Merge into…</source>
        <translation>&amp;Sujungti su…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/vocabulary_dialog.py" line="73"/>
        <source>&amp;Aliases…</source>
        <translation>S&amp;inonimai…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/vocabulary_dialog.py" line="74"/>
        <source>D&amp;escription…</source>
        <translation>&amp;Aprašas…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/vocabulary_dialog.py" line="75"/>
        <source>&amp;Delete…</source>
        <translation>Iš&amp;trinti…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/vocabulary_dialog.py" line="143"/>
        <source>Rename tag</source>
        <translation>Pervadinti žymę</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/vocabulary_dialog.py" line="144"/>
        <source>New name for “{name}”:</source>
        <translation>Naujas žymės „{name}“ pavadinimas:</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/vocabulary_dialog.py" line="150"/>
        <source>Renamed “{old}” to “{new}”; the old name stays as an alias (rename back to undo).</source>
        <translation>Žymė „{old}“ pervadinta į „{new}“; senasis pavadinimas liko sinonimu (norėdami atšaukti, pervadinkite atgal).</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/vocabulary_dialog.py" line="161"/>
        <source>There is no other tag to merge into.</source>
        <translation>Nėra kitos žymės, su kuria būtų galima sujungti.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/vocabulary_dialog.py" line="163"/>
        <source>Merge tag</source>
        <translation>Sujungti žymę</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/vocabulary_dialog.py" line="164"/>
        <source>Merge “{name}” into:</source>
        <translation>Sujungti „{name}“ su:</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/vocabulary_dialog.py" line="170"/>
        <source>Merge tags</source>
        <translation>Žymių sujungimas</translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor_app/ui/related/vocabulary_dialog.py" line="171"/>
        <source>Move the %n article(s) tagged “{name}” to “{into}” and remove “{name}”? Its name becomes an alias of “{into}”. A merge cannot be split again.</source>
        <translation>
            <numerusform>Perkelti %n straipsnį su žyme „{name}“ į „{into}“ ir pašalinti „{name}“? Jos pavadinimas taps žymės „{into}“ sinonimu. Sujungtų žymių vėl atskirti nebus galima.</numerusform>
            <numerusform>Perkelti %n straipsnius su žyme „{name}“ į „{into}“ ir pašalinti „{name}“? Jos pavadinimas taps žymės „{into}“ sinonimu. Sujungtų žymių vėl atskirti nebus galima.</numerusform>
            <numerusform>Perkelti %n straipsnių su žyme „{name}“ į „{into}“ ir pašalinti „{name}“? Jos pavadinimas taps žymės „{into}“ sinonimu. Sujungtų žymių vėl atskirti nebus galima.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/vocabulary_dialog.py" line="177"/>
        <source>Merged “{name}” into “{into}”.</source>
        <translation>Žymė „{name}“ sujungta su „{into}“.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/vocabulary_dialog.py" line="186"/>
        <source>Other names for “{name}”, comma-separated:</source>
        <translation>Kiti žymės „{name}“ pavadinimai, atskirti kableliais:</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/vocabulary_dialog.py" line="192"/>
        <source>Aliases of “{name}” saved.</source>
        <translation>Žymės „{name}“ sinonimai išsaugoti.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/vocabulary_dialog.py" line="201"/>
        <source>Description of “{name}”:</source>
        <translation>Žymės „{name}“ aprašas:</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/vocabulary_dialog.py" line="205"/>
        <source>Description of “{name}” saved.</source>
        <translation>Žymės „{name}“ aprašas išsaugotas.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/vocabulary_dialog.py" line="211"/>
        <source>Delete tag</source>
        <translation>Ištrinti žymę</translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor_app/ui/related/vocabulary_dialog.py" line="212"/>
        <source>Remove “{name}” from %n article(s) and from the vocabulary? This cannot be undone.</source>
        <translation>
            <numerusform>Pašalinti „{name}“ iš %n straipsnio ir iš žodyno? Šio veiksmo atšaukti negalima.</numerusform>
            <numerusform>Pašalinti „{name}“ iš %n straipsnių ir iš žodyno? Šio veiksmo atšaukti negalima.</numerusform>
            <numerusform>Pašalinti „{name}“ iš %n straipsnių ir iš žodyno? Šio veiksmo atšaukti negalima.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/related/vocabulary_dialog.py" line="216"/>
        <source>Deleted “{name}”.</source>
        <translation>Žymė „{name}“ ištrinta.</translation>
    </message>
</context>
</TS>
