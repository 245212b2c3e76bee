<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="lt_LT">
<context>
    <name>App</name>
    <message>
        <location filename="../../editor_app/app.py" line="200" />
        <source>Byline cannot start</source>
        <translation>Nepavyko paleisti Byline</translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message>
        <location filename="../../editor_app/ui/library/library_model.py" line="21" />
        <source>Title</source>
        <extracomment>the headers, translated where shown (headerData)</extracomment>
        <translation>Antraštė</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/library/library_model.py" line="22" />
        <source>Kind</source>
        <translation>Rūšis</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/library/library_model.py" line="23" />
        <source>Status</source>
        <translation>Būsena</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/library/library_model.py" line="24" />
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/library/library_model.py" line="25" />
        <source>Tags</source>
        <translation>Žymės</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/library/library_model.py" line="145" />
        <source>{title}
{slug} · updated {when}</source>
        <translation>{title}
{slug} · atnaujinta {when}</translation>
    </message>
</context>
<context>
    <name>BackgroundWork</name>
    <message>
        <location filename="../../editor_app/ui/background.py" line="92" />
        <source>internal error ({name}: {error})</source>
        <translation>vidinė klaida ({name}: {error})</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../editor_app/ui/preferences/first_run.py" line="22" />
        <location filename="../../editor_app/ui/preferences/first_run.py" line="23" />
        <source>Welcome to Byline</source>
        <translation>Sveiki atvykę į Byline</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/first_run.py" line="26" />
        <source>&lt;b&gt;Who is writing?&lt;/b&gt;&lt;br&gt;Your name goes into your bylines and into the trail of every move you make; your role decides which moves Byline offers you. You can change both later in Edit ▸ Preferences.</source>
        <translation>&lt;b&gt;Kas rašo?&lt;/b&gt;&lt;br&gt;Jūsų vardas rašomas po jūsų straipsniais ir kiekvieno jūsų žingsnio istorijoje; nuo pareigų priklauso, kokius veiksmus Byline jums siūlo. Abu galėsite pakeisti vėliau: Taisa ▸ Nuostatos.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/first_run.py" line="33" />
        <source>&amp;Start</source>
        <translation>&amp;Pradėti</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/first_run.py" line="34" />
        <source>Start</source>
        <translation>Pradėti</translation>
    </message>
</context>
<context>
    <name>IdentityForm</name>
    <message>
        <location filename="../../editor_app/ui/preferences/identity_form.py" line="29" />
        <source>&amp;Reporter</source>
        <extracomment>what each role does, in the words of the newsroom each role's button and what it does (translated where shown, IdentityForm.tr)</extracomment>
        <translation>&amp;Reporteris</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/identity_form.py" line="30" />
        <source>writes stories and submits them for review</source>
        <translation>rašo straipsnius ir pateikia juos peržiūrai</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/identity_form.py" line="31" />
        <source>&amp;Editor</source>
        <translation>Re&amp;daktorius</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/identity_form.py" line="32" />
        <source>reviews, approves, and reopens stories for correction</source>
        <translation>peržiūri, patvirtina ir grąžina straipsnius taisyti</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/identity_form.py" line="34" />
        <source>&amp;Producer</source>
        <translation>&amp;Prodiuseris</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/identity_form.py" line="35" />
        <source>exports approved stories and marks them published</source>
        <translation>eksportuoja patvirtintus straipsnius ir pažymi juos paskelbtais</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/identity_form.py" line="47" />
        <source>Your name as printed in bylines</source>
        <translation>Jūsų vardas ir pavardė, kaip rašoma po straipsniais</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/identity_form.py" line="48" />
        <source>Your name</source>
        <translation>Jūsų vardas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/identity_form.py" line="72" />
        <source>&amp;Name:</source>
        <translation>&amp;Vardas:</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/identity_form.py" line="75" />
        <source>You work as:</source>
        <translation>Jūsų pareigos:</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/identity_form.py" line="92" />
        <source>Type your name: it goes into your bylines and the trail of every move.</source>
        <translation>Įrašykite savo vardą: jis rašomas po jūsų straipsniais ir kiekvieno žingsnio istorijoje.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../editor_app/ui/labels.py" line="21" />
        <source>Draft</source>
        <translation>Juodraštis</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/labels.py" line="22" />
        <source>Submitted</source>
        <translation>Pateiktas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/labels.py" line="23" />
        <source>In review</source>
        <translation>Peržiūrimas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/labels.py" line="24" />
        <source>Changes requested</source>
        <translation>Prašoma pataisų</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/labels.py" line="25" />
        <source>Approved</source>
        <translation>Patvirtintas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/labels.py" line="26" />
        <source>Published</source>
        <translation>Paskelbtas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/labels.py" line="27" />
        <source>Spiked</source>
        <translation>Atmestas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/labels.py" line="31" />
        <source>News story</source>
        <translation>Naujiena</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/labels.py" line="32" />
        <source>Interview</source>
        <translation>Interviu</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/labels.py" line="33" />
        <source>Feature</source>
        <translation>Apybraiža</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/labels.py" line="34" />
        <source>Opinion piece</source>
        <translation>Nuomonė</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/labels.py" line="38" />
        <source>Reporter</source>
        <translation>Reporteris</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/labels.py" line="39" />
        <source>Editor</source>
        <translation>Redaktorius</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/labels.py" line="40" />
        <source>Producer</source>
        <translation>Prodiuseris</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/labels.py" line="45" />
        <source>New &amp;Interview</source>
        <extracomment>File ▸ New …'s entries, with their accelerators (core/new_article.NEW_KINDS' order)</extracomment>
        <translation>Naujas &amp;interviu</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/labels.py" line="46" />
        <source>New &amp;News Story</source>
        <translation>Nauja &amp;naujiena</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/labels.py" line="47" />
        <source>New &amp;Feature</source>
        <translation>Nauja apy&amp;braiža</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/labels.py" line="48" />
        <source>New &amp;Opinion Piece</source>
        <translation>Nauja nu&amp;omonė</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/labels.py" line="116" />
        <source>Untitled article</source>
        <translation>Straipsnis be antraštės</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/labels.py" line="117" />
        <source>Untitled {kind}</source>
        <translation>Be antraštės ({kind})</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../editor_app/ui/library/library_panel.py" line="57" />
        <source>Search the library (Ctrl+Shift+F)…</source>
        <extracomment>the headline column never shows fewer characters than this while other columns show columns besides the headline, the first kept longest when the list is narrow the longest value each column shows (its width is measured, not guessed); kinds and statuses are measured in the interface's language (column_samples) the context menu's New …: "interview", "news", "feature" or "opinion" (#17)</extracomment>
        <translation>Ieškoti bibliotekoje (Ctrl+Shift+F)…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/library/library_panel.py" line="59" />
        <source>Search the library</source>
        <translation>Paieška bibliotekoje</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/library/library_panel.py" line="81" />
        <source>Articles in the library</source>
        <translation>Bibliotekos straipsniai</translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor_app/ui/library/library_panel.py" line="187" />
        <source>%Ln article(s)</source>
        <translation>
            <numerusform>%Ln straipsnis</numerusform>
            <numerusform>%Ln straipsniai</numerusform>
            <numerusform>%Ln straipsnių</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/library/library_panel.py" line="219" />
        <source>&amp;Open</source>
        <translation>&amp;Atverti</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="75" />
        <source>&amp;Editor Only</source>
        <extracomment>File ▸ New …: the interview, the newsroom's main form, has the key screens up to this size (logical pixels) get a maximized first window a first window on a bigger screen: this share of it, at most this size the side docks' share of the window's width on first run (min, max in pixels) translated where shown (MainWindow.tr)</extracomment>
        <translation>Tik &amp;rengyklė</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="76" />
        <source>&amp;Side by Side</source>
        <translation>Rengyklė ir puslapis &amp;greta</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="77" />
        <source>&amp;Preview Only</source>
        <translation>Tik &amp;puslapis</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="79" />
        <source>Follow the &amp;System</source>
        <extracomment>View ▸ Theme's entries, by theme (ui/theme.THEMES)</extracomment>
        <translation>Kaip &amp;sistemoje</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="80" />
        <source>&amp;Light</source>
        <translation>Š&amp;viesi</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="81" />
        <source>&amp;Dark</source>
        <translation>&amp;Tamsi</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="112" />
        <source>Byline — {name}</source>
        <extracomment>an ArticleTab was created (panels attach their per-article parts here) an ArticleTab was saved and is about to be deleted the window stops its background work (closing); panels stop theirs web views wait for start_deferred_views (app.run_gui: the window paints first) set by the composition root (app.build_main_window); kept alive with the window</extracomment>
        <translation>Byline — {name}</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="132" />
        <source>Reader</source>
        <translation>Skaityklė</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="134" />
        <source>Open articles</source>
        <translation>Atverti straipsniai</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="150" />
        <source>Library</source>
        <translation>Biblioteka</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="155" />
        <source>Import failed</source>
        <translation>Importuoti nepavyko</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="156" />
        <source>{message}

Nothing was imported.</source>
        <translation>{message}

Nieko neimportuota.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor_app/ui/main_window.py" line="174" />
        <source>%n article(s) in {path}</source>
        <translation>
            <numerusform>%n straipsnis bibliotekoje {path}</numerusform>
            <numerusform>%n straipsniai bibliotekoje {path}</numerusform>
            <numerusform>%n straipsnių bibliotekoje {path}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="201" />
        <source>&amp;File</source>
        <translation>&amp;Failas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="209" />
        <source>&amp;Import Articles…</source>
        <translation>I&amp;mportuoti straipsnius…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="212" />
        <source>&amp;Close Article</source>
        <translation>&amp;Uždaryti straipsnį</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="214" />
        <source>&amp;Quit</source>
        <translation>Baigti &amp;darbą</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="216" />
        <source>&amp;Edit</source>
        <translation>&amp;Taisa</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="217" />
        <source>&amp;Undo</source>
        <translation>&amp;Atšaukti</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="219" />
        <source>&amp;Redo</source>
        <translation>&amp;Pakartoti</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="224" />
        <source>&amp;Find…</source>
        <translation>&amp;Rasti…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="226" />
        <source>Find and &amp;Replace…</source>
        <translation>Rasti ir &amp;keisti…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="228" />
        <source>&amp;Go to Line…</source>
        <translation>Eiti į &amp;eilutę…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="231" />
        <source>Pre&amp;ferences…</source>
        <translation>&amp;Nuostatos…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="238" />
        <source>F&amp;ormat</source>
        <translation>F&amp;ormatas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="239" />
        <source>&amp;Bold</source>
        <translation>Pus&amp;juodis</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="241" />
        <source>&amp;Italic</source>
        <translation>&amp;Kursyvas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="243" />
        <source>&amp;Link</source>
        <translation>&amp;Nuoroda</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="245" />
        <source>Insert &amp;Image…</source>
        <translation>Įterpti &amp;paveikslėlį…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="249" />
        <source>I&amp;nterview</source>
        <translation>&amp;Interviu</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="250" />
        <source>Insert &amp;Question</source>
        <translation>Įterpti &amp;klausimą</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="253" />
        <source>Insert &amp;Answer</source>
        <translation>Įterpti &amp;atsakymą</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="256" />
        <source>Use Selection as &amp;Headline Quote</source>
        <translation>Pažymėtą tekstą – į antraštės &amp;citatą</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="260" />
        <source>Paste as Plain &amp;Text</source>
        <translation>Įklijuoti kaip &amp;grynąjį tekstą</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="263" />
        <source>&amp;View</source>
        <translation>&amp;Rodinys</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="275" />
        <source>&amp;Search Library</source>
        <translation>&amp;Ieškoti bibliotekoje</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="279" />
        <source>Editor &amp;Font…</source>
        <translation>Rengyklės šri&amp;ftas…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="280" />
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="291" />
        <source>&amp;Help</source>
        <translation>Pa&amp;galba</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="292" />
        <source>&amp;About Byline</source>
        <translation>&amp;Apie Byline</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="294" />
        <source>About Byline</source>
        <translation>Apie Byline</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="295" />
        <source>&lt;b&gt;Byline {version}&lt;/b&gt;&lt;p&gt;An offline editorial workstation for newsrooms.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Byline {version}&lt;/b&gt;&lt;p&gt;Redakcijų darbo vieta, veikianti be interneto.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="487" />
        <source>Cannot start a new article: {error}</source>
        <translation>Nepavyko pradėti naujo straipsnio: {error}</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="495" />
        <source>New {kind}: type the headline, then Tab to the details and the text</source>
        <translation>Naujas straipsnis ({kind}): įrašykite antraštę, tada klavišu Tab pereikite prie duomenų ir teksto</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="522" />
        <source>Cannot open article {id}: {error}</source>
        <translation>Nepavyko atverti straipsnio {id}: {error}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor_app/ui/main_window.py" line="634" />
        <source>%Ln word(s)</source>
        <translation>
            <numerusform>%Ln žodis</numerusform>
            <numerusform>%Ln žodžiai</numerusform>
            <numerusform>%Ln žodžių</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor_app/ui/main_window.py" line="635" />
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln ženklas</numerusform>
            <numerusform>%Ln ženklai</numerusform>
            <numerusform>%Ln ženklų</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor_app/ui/main_window.py" line="637" />
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n klausimas</numerusform>
            <numerusform>%n klausimai</numerusform>
            <numerusform>%n klausimų</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor_app/ui/main_window.py" line="638" />
        <source>%n min read</source>
        <translation>
            <numerusform>%n min. skaitymo</numerusform>
            <numerusform>%n min. skaitymo</numerusform>
            <numerusform>%n min. skaitymo</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="648" />
        <source>Editor font</source>
        <translation>Rengyklės šriftas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="698" />
        <source>Import articles</source>
        <translation>Importuoti straipsnius</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="699" />
        <source>Articles ({patterns});;Word documents (*.docx);;All files (*)</source>
        <translation>Straipsniai ({patterns});;Word dokumentai (*.docx);;Visi failai (*)</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="708" />
        <source>Importing {names}…</source>
        <translation>Importuojama: {names}…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="716" />
        <source>Import: {summary}</source>
        <extracomment>the last import's report (tests and the status bar read it)</extracomment>
        <translation>Importas: {summary}</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="726" />
        <source>Import</source>
        <translation>Importas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="727" />
        <source>{summary}. These files were not imported (nothing of them was stored):</source>
        <translation>{summary}. Šie failai neimportuoti (iš jų nieko neįrašyta):</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="735" />
        <source>Imported, with notes</source>
        <translation>Importuota su pastabomis</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="742" />
        <source>{n} imported</source>
        <translation>importuota: {n}</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="742" />
        <source>{n} updated</source>
        <translation>atnaujinta: {n}</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="743" />
        <source>{n} unchanged</source>
        <translation>nepakeista: {n}</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="743" />
        <source>{n} refused</source>
        <translation>atmesta: {n}</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="745" />
        <source>nothing</source>
        <translation>nieko</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="845" />
        <source>The library file was replaced, so the open articles cannot be saved into it. Close anyway? Text you have not kept with “Save a copy…” is lost.</source>
        <translation>Bibliotekos failas pakeistas, todėl atvertų straipsnių į jį įrašyti nepavyks. Vis tiek uždaryti? Tekstas, kurio neišsaugojote komanda „Įrašyti kopiją…“, bus prarastas.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="853" />
        <source>An article could not be saved, so Byline stays open with your text. See the message above the article.</source>
        <translation>Straipsnio įrašyti nepavyko, todėl Byline lieka atverta su jūsų tekstu. Žr. pranešimą virš straipsnio.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="926" />
        <source>Untitled</source>
        <translation>Be antraštės</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="53" />
        <source>Follow the system</source>
        <translation>Kaip sistemoje</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="54" />
        <source>Light</source>
        <translation>Šviesi</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="55" />
        <source>Dark</source>
        <translation>Tamsi</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="57" />
        <source>You</source>
        <extracomment>the pages by name (show_page's keys; translated where shown)</extracomment>
        <translation>Jūs</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="58" />
        <source>Languages</source>
        <translation>Kalbos</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="59" />
        <source>Spelling</source>
        <translation>Rašyba</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="60" />
        <source>Editor</source>
        <translation>Rengyklė</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="61" />
        <source>Saving</source>
        <translation>Įrašymas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="62" />
        <source>Export</source>
        <translation>Eksportas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="63" />
        <source>Newsroom server</source>
        <translation>Redakcijos serveris</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="103" />
        <source>Preferences</source>
        <translation>Nuostatos</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="110" />
        <source>Preference pages</source>
        <translation>Nuostatų skyriai</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="142" />
        <source>Kept in your own settings ({path}), not in the library file: a colleague who opens the same library keeps their own name and role. A change takes effect at once: the moves offered, the queues and new bylines follow.</source>
        <translation>Saugoma jūsų asmeninėse nuostatose ({path}), ne bibliotekos faile: kolega, atvėręs tą pačią biblioteką, išlaiko savo vardą ir pareigas. Pakeitimas galioja iš karto: pagal jį keičiasi siūlomi veiksmai, eilės ir naujų straipsnių autorius.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="149" />
        <source>Interface language</source>
        <translation>Sąsajos kalba</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="160" />
        <source>Language of new articles</source>
        <translation>Naujų straipsnių kalba</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="165" />
        <source>&amp;Interface language:</source>
        <translation>&amp;Sąsajos kalba:</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="167" />
        <source>Applies after a restart: close Byline and start it again. “System default” follows the language of your computer.</source>
        <translation>Įsigalioja iš naujo paleidus: uždarykite Byline ir vėl ją atverkite. „Kaip sistemoje“ – pagal jūsų kompiuterio kalbą.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="169" />
        <source>&amp;New articles are in:</source>
        <translation>&amp;Naujų straipsnių kalba:</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="171" />
        <source>The newsroom's default (kept in the library): File ▸ New uses it, and each article can have its own in its details.</source>
        <translation>Numatytoji redakcijos kalba (saugoma bibliotekoje): ją naudoja Failas ▸ Naujas, o kiekvienam straipsniui savo kalbą galima nurodyti jo duomenyse.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="177" />
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="178" />
        <source>Check spelling as you type</source>
        <translation>Tikrinti rašybą rašant</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="181" />
        <source>Spelling languages</source>
        <translation>Rašybos tikrinimo kalbos</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="183" />
        <source>&amp;Dictionaries and word lists…</source>
        <translation>&amp;Žodynai ir žodžių sąrašai…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="184" />
        <source>Dictionaries and word lists</source>
        <translation>Žodynai ir žodžių sąrašai</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="190" />
        <source>For articles opened from now on; Tools ▸ Check Spelling turns it on or off for one article.</source>
        <translation>Nuo šiol atveriamiems straipsniams; Įrankiai ▸ Tikrinti rašybą įjungia arba išjungia tikrinimą vienam straipsniui.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="192" />
        <source>Languages Byline can check (an article is checked in its own language):</source>
        <translation>Kalbos, kurių rašybą Byline gali tikrinti (straipsnis tikrinamas jo paties kalba):</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="198" />
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="281" />
        <source>Editor font</source>
        <translation>Rengyklės šriftas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="199" />
        <source>&amp;Choose…</source>
        <translation>&amp;Pasirinkti…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="200" />
        <source>Choose the editor font</source>
        <translation>Pasirinkti rengyklės šriftą</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="211" />
        <source>Theme: {name}</source>
        <translation>Tema: {name}</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="217" />
        <source>Editor font:</source>
        <translation>Rengyklės šriftas:</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="218" />
        <source>Theme:</source>
        <translation>Tema:</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="219" />
        <source>The whole window follows, the preview included. When the system asks for high contrast, Byline's colours do too.</source>
        <translation>Keičiasi visas langas, taip pat ir puslapio vaizdas. Kai sistema prašo didelio kontrasto, Byline spalvos irgi prisitaiko.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="225" />
        <source> min</source>
        <translation> min.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="226" />
        <source>Minutes between revisions</source>
        <translation>Minutės tarp versijų</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="229" />
        <source>Backups to keep</source>
        <translation>Kiek atsarginių kopijų laikyti</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="232" />
        <source>&amp;Open the Backups Folder</source>
        <translation>&amp;Atverti atsarginių kopijų aplanką</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="233" />
        <source>Open the backups folder</source>
        <translation>Atverti atsarginių kopijų aplanką</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="236" />
        <source>Everything you type is saved within a second, always: this cannot be turned off.</source>
        <translation>Viskas, ką rašote, visada įrašoma per sekundę: to išjungti negalima.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="238" />
        <source>Keep a &amp;revision every:</source>
        <translation>&amp;Versiją išsaugoti kas:</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="239" />
        <source>of editing (Review ▸ Revision History shows them); closing an article, a status move and an export keep one too.</source>
        <translation>redagavimo (jas rodo Peržiūra ▸ Versijų istorija); versija išsaugoma ir uždarant straipsnį, keičiant būseną bei eksportuojant.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="242" />
        <source>&amp;Backups to keep:</source>
        <translation>&amp;Laikyti atsarginių kopijų:</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="243" />
        <source>One a day, and one when Byline closes if the library changed since the last, in {folder}. `byline restore` brings the newest good one back.</source>
        <translation>Po vieną per dieną ir uždarant Byline, jei biblioteka nuo paskutinės kopijos pasikeitė, aplanke {folder}. Komanda „byline restore“ atkuria naujausią tvarkingą kopiją.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="257" />
        <source>Measuring the disk the backups take…</source>
        <translation>Matuojama, kiek disko užima atsarginės kopijos…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="285" />
        <source>Backups share what did not change: the first takes about {size}, each later one only what changed since the one before ({used} now).</source>
        <translation>Atsarginės kopijos dalijasi tuo, kas nepasikeitė: pirmoji užima apie {size}, kiekviena vėlesnė – tik tai, kas pasikeitė nuo ankstesnės (dabar {used}).</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="290" />
        <source>Backups share what did not change: {keep} of them take about {most} of disk ({used} now); each new one adds about {next}.</source>
        <translation>Atsarginės kopijos dalijasi tuo, kas nepasikeitė: {keep} tokių kopijų užima apie {most} disko (dabar {used}); kiekviena nauja prideda apie {next}.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="254" />
        <source>Site URL</source>
        <translation>Svetainės adresas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="255" />
        <source>Harbour Gazette</source>
        <translation>Uosto žinios</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="256" />
        <source>Publisher</source>
        <translation>Leidėjas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="257" />
        <source>the article language's own</source>
        <translation>pagal straipsnio kalbą</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="258" />
        <source>House date format</source>
        <translation>Redakcijos datos formatas</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="263" />
        <source>Site &amp;URL:</source>
        <translation>Svetainės &amp;adresas:</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="265" />
        <source>Where the bundles are published: canonical links, Open Graph and related stories outside an export point there. Without it pages carry no canonical link.</source>
        <translation>Kur skelbiami paketai: ten rodo kanoninės nuorodos, Open Graph ir susijusios naujienos, nepatekusios į eksportą. Be jo puslapiuose nėra kanoninės nuorodos.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="267" />
        <source>&amp;Publisher:</source>
        <translation>&amp;Leidėjas:</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="268" />
        <source>House &amp;date format:</source>
        <translation>Redakcijos &amp;datos formatas:</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="269" />
        <source>strftime codes such as %d.%m.%Y; empty: each article's language writes its own long date.</source>
        <translation>strftime kodai, pvz., %Y-%m-%d; tuščia – kiekvieno straipsnio data rašoma pagal jo kalbą.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="287" />
        <source>{family}, {size} pt</source>
        <translation>{family}, {size} pt</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="340" />
        <source>The new interface language applies when Byline starts again.</source>
        <translation>Nauja sąsajos kalba įsigalios kitą kartą paleidus Byline.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="388" />
        <source>, added by you</source>
        <translation>, pridėtas jūsų</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="395" />
        <source>word frequencies</source>
        <translation>žodžių dažniai</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/preferences/preferences_dialog.py" line="399" />
        <source>Spelling dictionaries cannot be listed: {error}</source>
        <translation>Rašybos žodynų išvardyti nepavyko: {error}</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../editor_app/ui/settings.py" line="19" />
        <source>System default</source>
        <extracomment>the interface languages one can choose (resources/translations, #18), each named in itself; "" follows the system's locale (translated where shown: "Settings" context)</extracomment>
        <translation>Kaip sistemoje</translation>
    </message>
</context>
<context>
    <name>_PendingTab</name>
    <message>
        <location filename="../../editor_app/ui/main_window.py" line="886" />
        <source>{title} (opening)</source>
        <translation>{title} (atveriama)</translation>
    </message>
</context>
</TS>
