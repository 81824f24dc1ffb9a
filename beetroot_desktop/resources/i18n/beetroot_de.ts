<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name />
    <message>
        <source>Import &amp;Folder…</source>
        <translation>&amp;Ordner importieren…</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>Einen Ordner importieren</translation>
    </message>
    <message>
        <source>Import &amp;Photos…</source>
        <translation>&amp;Fotos importieren…</translation>
    </message>
    <message>
        <source>Import photos</source>
        <translation>Fotos importieren</translation>
    </message>
    <message>
        <source>S&amp;ync Library</source>
        <translation>Bibliothek &amp;synchronisieren</translation>
    </message>
    <message>
        <source>Look at every imported folder again: new photos in, moved and deleted ones followed</source>
        <translation>Jeden importierten Ordner erneut durchsehen: neue Fotos aufnehmen, verschobenen und gelöschten folgen</translation>
    </message>
    <message>
        <source>&amp;Cancel Import</source>
        <translation>Import abbre&amp;chen</translation>
    </message>
    <message>
        <source>Export &amp;Names to XMP…</source>
        <translation>&amp;Namen in XMP exportieren…</translation>
    </message>
    <message>
        <source>Write the names into XMP sidecars beside the photos (File menu; photos untouched)</source>
        <translation>Die Namen in XMP-Begleitdateien neben den Fotos schreiben (Menü Datei; die Fotos bleiben unverändert)</translation>
    </message>
    <message>
        <source>&amp;Delete Cloud Collection…</source>
        <translation>Cloud-Sammlung &amp;löschen…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Undo the last edit (rename, merge, split, not this person, hide, cover, regroup)</source>
        <translation>Die letzte Änderung rückgängig machen (Umbenennen, Zusammenführen, Aufteilen, Nicht diese Person, Ausblenden, Titelbild, Neu gruppieren)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Redo the edit just undone</source>
        <translation>Die eben rückgängig gemachte Änderung wiederholen</translation>
    </message>
    <message>
        <source>double-click the name</source>
        <translation>Doppelklick auf den Namen</translation>
    </message>
    <message>
        <source>Rename a person</source>
        <translation>Eine Person umbenennen</translation>
    </message>
    <message>
        <source>&amp;Merge People…</source>
        <translation>Personen &amp;zusammenführen…</translation>
    </message>
    <message>
        <source>Merge the selected people (or drag one tile onto another)</source>
        <translation>Die ausgewählten Personen zusammenführen (oder eine Kachel auf eine andere ziehen)</translation>
    </message>
    <message>
        <source>Merge In&amp;to…</source>
        <translation>Zusammenführen &amp;mit…</translation>
    </message>
    <message>
        <source>Merge the selected people into a person chosen from a list (as dragging their tiles onto that person does)</source>
        <translation>Die ausgewählten Personen mit einer Person aus einer Liste zusammenführen (wie das Ziehen ihrer Kacheln auf diese Person)</translation>
    </message>
    <message>
        <source>&amp;Split Person…</source>
        <translation>Person &amp;aufteilen…</translation>
    </message>
    <message>
        <source>&amp;Hide / Show Person</source>
        <translation>Person aus&amp;blenden / einblenden</translation>
    </message>
    <message>
        <source>Hide or show the selected people</source>
        <translation>Die ausgewählten Personen ausblenden oder einblenden</translation>
    </message>
    <message>
        <source>&amp;Not This Person</source>
        <translation>&amp;Nicht diese Person</translation>
    </message>
    <message>
        <source>Not this person (on a person's Faces tab)</source>
        <translation>Nicht diese Person (auf dem Reiter „Gesichter“ einer Person)</translation>
    </message>
    <message>
        <source>Not a &amp;Face</source>
        <translation>&amp;Kein Gesicht</translation>
    </message>
    <message>
        <source>Not a face: a false detection (the selected faces)</source>
        <translation>Kein Gesicht: eine Fehlerkennung (die ausgewählten Gesichter)</translation>
    </message>
    <message>
        <source>&amp;Ignore Face</source>
        <translation>Gesicht &amp;ignorieren</translation>
    </message>
    <message>
        <source>Ignore the selected faces: strangers in the background</source>
        <translation>Die ausgewählten Gesichter ignorieren: Fremde im Hintergrund</translation>
    </message>
    <message>
        <source>&amp;Add Face…</source>
        <translation>Gesicht &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>drag a box on the photo</source>
        <translation>einen Rahmen auf dem Foto aufziehen</translation>
    </message>
    <message>
        <source>Add a face the detector missed (in the viewer; arrows move the box, Shift+arrows size it, Enter keeps it, Esc cancels)</source>
        <translation>Ein Gesicht hinzufügen, das die Erkennung übersehen hat (in der Fotoansicht; Pfeiltasten verschieben den Rahmen, Umschalt+Pfeiltasten ändern seine Größe, Eingabe übernimmt ihn, Esc bricht ab)</translation>
    </message>
    <message>
        <source>Use as &amp;Cover</source>
        <translation>Als &amp;Titelbild verwenden</translation>
    </message>
    <message>
        <source>Answer &amp;Yes</source>
        <translation>Antwort &amp;Ja</translation>
    </message>
    <message>
        <source>Review: yes, the same person (in the list, every selected question)</source>
        <translation>Überprüfen: ja, dieselbe Person (in der Liste jede ausgewählte Frage)</translation>
    </message>
    <message>
        <source>Answer N&amp;o</source>
        <translation>Antwort N&amp;ein</translation>
    </message>
    <message>
        <source>Review: no, not the same person</source>
        <translation>Überprüfen: nein, nicht dieselbe Person</translation>
    </message>
    <message>
        <source>S&amp;kip Question</source>
        <translation>Frage &amp;überspringen</translation>
    </message>
    <message>
        <source>Review: skip the question (it is asked again last)</source>
        <translation>Überprüfen: die Frage überspringen (sie wird am Ende erneut gestellt)</translation>
    </message>
    <message>
        <source>P&amp;ause Import</source>
        <translation>Import &amp;pausieren</translation>
    </message>
    <message>
        <source>Rename &amp;Person</source>
        <translation>Person &amp;umbenennen</translation>
    </message>
    <message>
        <source>Fin&amp;d Person</source>
        <translation>Person &amp;suchen</translation>
    </message>
    <message>
        <source>Search people by name</source>
        <translation>Personen nach Namen suchen</translation>
    </message>
    <message>
        <source>Photos &amp;Together…</source>
        <translation>&amp;Gemeinsame Fotos…</translation>
    </message>
    <message>
        <source>Photos in which all the selected people appear (With… on a person's page)</source>
        <translation>Fotos, auf denen alle ausgewählten Personen zu sehen sind („Mit…“ auf der Seite einer Person)</translation>
    </message>
    <message>
        <source>&amp;Export Photos…</source>
        <translation>Fotos &amp;exportieren…</translation>
    </message>
    <message>
        <source>Copy (or link) a person's photos into a folder</source>
        <translation>Die Fotos einer Person in einen Ordner kopieren (oder verknüpfen)</translation>
    </message>
    <message>
        <source>&amp;Forget Person…</source>
        <translation>Person &amp;vergessen…</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Show People</source>
        <translation>Personen anzeigen</translation>
    </message>
    <message>
        <source>All Photos</source>
        <translation>Alle Fotos</translation>
    </message>
    <message>
        <source>Show All Photos</source>
        <translation>Alle Fotos anzeigen</translation>
    </message>
    <message>
        <source>Unassigned faces</source>
        <translation>Nicht zugeordnete Gesichter</translation>
    </message>
    <message>
        <source>Show Unassigned faces</source>
        <translation>Nicht zugeordnete Gesichter anzeigen</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Überprüfen</translation>
    </message>
    <message>
        <source>Show Review: the questions Beetroot could not answer alone</source>
        <translation>Überprüfen anzeigen: die Fragen, die Beetroot nicht allein beantworten konnte</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Show Activity</source>
        <translation>Aktivität anzeigen</translation>
    </message>
    <message>
        <source>Missing Photos</source>
        <translation>Fehlende Fotos</translation>
    </message>
    <message>
        <source>Show Missing photos (when some are)</source>
        <translation>Fehlende Fotos anzeigen (wenn welche fehlen)</translation>
    </message>
    <message>
        <source>Show &amp;Hidden People</source>
        <translation>&amp;Ausgeblendete Personen anzeigen</translation>
    </message>
    <message>
        <source>Show hidden people in the grid</source>
        <translation>Ausgeblendete Personen im Raster anzeigen</translation>
    </message>
    <message>
        <source>Sort by Number of &amp;Photos</source>
        <translation>Nach Anzahl der &amp;Fotos sortieren</translation>
    </message>
    <message>
        <source>Sort by &amp;Name</source>
        <translation>Nach &amp;Namen sortieren</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>Diese Liste</translation>
    </message>
    <message>
        <source>&amp;About Beetroot</source>
        <translation>Ü&amp;ber Beetroot</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>&amp;Personen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Drop photos or folders on the window</source>
        <translation>Fotos oder Ordner auf das Fenster ziehen</translation>
    </message>
    <message>
        <source>Import them (files already imported are skipped)</source>
        <translation>Sie importieren (bereits importierte Dateien werden übersprungen)</translation>
    </message>
    <message>
        <source>Click a photo</source>
        <translation>Klick auf ein Foto</translation>
    </message>
    <message>
        <source>View it</source>
        <translation>Es ansehen</translation>
    </message>
    <message>
        <source>Enter / double-click</source>
        <translation>Eingabe / Doppelklick</translation>
    </message>
    <message>
        <source>Open a person (or the selected photo)</source>
        <translation>Eine Person öffnen (oder das ausgewählte Foto)</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Umschalt+Tab</translation>
    </message>
    <message>
        <source>The next / previous control: the sidebar (↑ ↓ choose the section), then the page's buttons and grid</source>
        <translation>Zum nächsten / vorigen Bedienelement: die Seitenleiste (↑ ↓ wählen den Bereich), dann die Schaltflächen und das Raster der Seite</translation>
    </message>
    <message>
        <source>Shift+arrows, Ctrl+Space</source>
        <translation>Umschalt+Pfeiltasten, Strg+Leertaste</translation>
    </message>
    <message>
        <source>Select several tiles, to merge or hide them together (Ctrl+arrows move without selecting)</source>
        <translation>Mehrere Kacheln auswählen, um sie gemeinsam zusammenzuführen oder auszublenden (Strg+Pfeiltasten bewegen, ohne auszuwählen)</translation>
    </message>
    <message>
        <source>Shift+F10 / Menu key</source>
        <translation>Umschalt+F10 / Menütaste</translation>
    </message>
    <message>
        <source>The menu of the current tile or face, as a right-click opens it</source>
        <translation>Das Menü der aktuellen Kachel oder des aktuellen Gesichts, wie es ein Rechtsklick öffnet</translation>
    </message>
    <message>
        <source>Tab in the viewer</source>
        <translation>Tab in der Fotoansicht</translation>
    </message>
    <message>
        <source>Go through the faces in the photo: Enter opens that person, Shift+F10 shows the face's menu</source>
        <translation>Durch die Gesichter im Foto gehen: Eingabe öffnet diese Person, Umschalt+F10 zeigt das Menü des Gesichts</translation>
    </message>
    <message>
        <source>← →, Home, End</source>
        <translation>← →, Pos1, Ende</translation>
    </message>
    <message>
        <source>Previous / next photo in the viewer, previous / next question in Review</source>
        <translation>Vorheriges / nächstes Foto in der Fotoansicht, vorherige / nächste Frage in Überprüfen</translation>
    </message>
    <message>
        <source>Click a face in the viewer</source>
        <translation>Klick auf ein Gesicht in der Fotoansicht</translation>
    </message>
    <message>
        <source>Open that person (right-click: Not a face, Ignore, …)</source>
        <translation>Diese Person öffnen (Rechtsklick: Kein Gesicht, Ignorieren, …)</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Kein Treffer</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>{kind}, at {time}</source>
        <translation>{kind}, um {time}</translation>
    </message>
    <message>
        <source>Every face decision of this session, as the engine made it</source>
        <translation>Jede Gesichtsentscheidung dieser Sitzung, so wie die Erkennung sie getroffen hat</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Empties the Activity list</source>
        <translation>Leert die Aktivitätsliste</translation>
    </message>
    <message>
        <source>On {root}, which is not connected</source>
        <translation>Auf {root}, das nicht verbunden ist</translation>
    </message>
    <message>
        <source>The details were written to the log file:
{path}</source>
        <translation>Die Details wurden in die Protokolldatei geschrieben:
{path}</translation>
    </message>
    <message>
        <source>The log file could not be written; the details are below.</source>
        <translation>Die Protokolldatei konnte nicht geschrieben werden; die Details stehen unten.</translation>
    </message>
    <message>
        <source>Beetroot: unexpected error</source>
        <translation>Beetroot: Unerwarteter Fehler</translation>
    </message>
    <message>
        <source>Something went wrong that Beetroot did not expect:
{error}</source>
        <translation>Etwas ist schiefgegangen, das Beetroot nicht erwartet hat:
{error}</translation>
    </message>
    <message>
        <source>If it happens again, please report it with the log file.</source>
        <translation>Wenn es wieder passiert, melden Sie es bitte zusammen mit der Protokolldatei.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Wirkung</translation>
    </message>
    <message>
        <source>Files that could not be imported</source>
        <translation>Dateien, die nicht importiert werden konnten</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>The library cannot be opened</source>
        <translation>Die Bibliothek kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Beetroot cannot open your library.</source>
        <translation>Beetroot kann Ihre Bibliothek nicht öffnen.</translation>
    </message>
    <message>
        <source>{error}

Beetroot can start over: the damaged file is moved aside (not deleted), a new library is created, and the folders you imported before are imported again.</source>
        <translation>{error}

Beetroot kann neu beginnen: Die beschädigte Datei wird beiseitegelegt (nicht gelöscht), eine neue Bibliothek wird angelegt und die Ordner, die Sie zuvor importiert haben, werden erneut importiert.</translation>
    </message>
    <message>
        <source>Start Over</source>
        <translation>Neu beginnen</translation>
    </message>
    <message>
        <source>About Beetroot</source>
        <translation>Über Beetroot</translation>
    </message>
    <message>
        <source>&lt;b&gt;Beetroot {version}&lt;/b&gt;&lt;p&gt;Organize a photo library by the people in it.&lt;p&gt;Faces are found and matched on this computer by default; Amazon Rekognition is available in Settings.</source>
        <translation>&lt;b&gt;Beetroot {version}&lt;/b&gt;&lt;p&gt;Ordnet eine Fotobibliothek nach den Personen darin.&lt;p&gt;Gesichter werden standardmäßig auf diesem Computer gefunden und zugeordnet; Amazon Rekognition steht in den Einstellungen zur Verfügung.</translation>
    </message>
    <message>
        <source>Matching against whole people: {done} of {total} people have their Amazon Rekognition user</source>
        <translation>Abgleich mit ganzen Personen: {done} von {total} Personen haben ihren Amazon-Rekognition-Benutzer</translation>
    </message>
    <message>
        <source>Started: {job}</source>
        <translation>Gestartet: {job}</translation>
    </message>
    <message>
        <source>The job could not run: {message}</source>
        <translation>Der Auftrag konnte nicht ausgeführt werden: {message}</translation>
    </message>
    <message>
        <source>The import could not run: {message}</source>
        <translation>Der Import konnte nicht ausgeführt werden: {message}</translation>
    </message>
    <message>
        <source>The sync could not run: {message}</source>
        <translation>Die Synchronisierung konnte nicht ausgeführt werden: {message}</translation>
    </message>
    <message>
        <source>Regrouping could not run: {message}</source>
        <translation>Das Neugruppieren konnte nicht ausgeführt werden: {message}</translation>
    </message>
    <message>
        <source>Cancelling the job…</source>
        <translation>Der Auftrag wird abgebrochen …</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Abbre&amp;chen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <source>{job}…</source>
        <translation>{job} …</translation>
    </message>
    <message>
        <source>{job}: done</source>
        <translation>{job}: fertig</translation>
    </message>
    <message numerus="yes">
        <source>Import of {names} and %Ln more</source>
        <translation>
            <numerusform>Import von {names} und %Ln weiterem</numerusform>
            <numerusform>Import von {names} und %Ln weiteren</numerusform>
        </translation>
    </message>
    <message>
        <source>Import of {names}</source>
        <translation>Import von {names}</translation>
    </message>
    <message>
        <source>Cancelling: the photo being analysed is finished first…</source>
        <translation>Wird abgebrochen: Das gerade analysierte Foto wird noch fertig bearbeitet …</translation>
    </message>
    <message>
        <source>Looking for photos…</source>
        <translation>Fotos werden gesucht …</translation>
    </message>
    <message numerus="yes">
        <source>{done} of %Ln photo(s)</source>
        <translation>
            <numerusform>{done} von %Ln Foto</numerusform>
            <numerusform>{done} von %Ln Fotos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln face(s)</source>
        <translation>
            <numerusform>%Ln Gesicht</numerusform>
            <numerusform>%Ln Gesichter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new person(s)</source>
        <translation>
            <numerusform>%Ln neue Person</numerusform>
            <numerusform>%Ln neue Personen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln fehlgeschlagen</numerusform>
            <numerusform>%Ln fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation>Wird abgebrochen</translation>
    </message>
    <message>
        <source>about {time} left</source>
        <translation>noch etwa {time}</translation>
    </message>
    <message numerus="yes">
        <source>Import cancelled: %Ln photo(s) left for the next import</source>
        <translation>
            <numerusform>Import abgebrochen: %Ln Foto bleibt für den nächsten Import</numerusform>
            <numerusform>Import abgebrochen: %Ln Fotos bleiben für den nächsten Import</numerusform>
        </translation>
    </message>
    <message>
        <source>Import paused: {reason}</source>
        <translation>Import pausiert: {reason}</translation>
    </message>
    <message>
        <source>{summary} ({seconds} s)</source>
        <translation>{summary} ({seconds} s)</translation>
    </message>
    <message numerus="yes">
        <source>Import cancelled. %Ln photo(s) was(were) left; import the folder again to finish them.</source>
        <translation>
            <numerusform>Import abgebrochen. %Ln Foto ist übrig geblieben; importieren Sie den Ordner erneut, um es fertigzustellen.</numerusform>
            <numerusform>Import abgebrochen. %Ln Fotos sind übrig geblieben; importieren Sie den Ordner erneut, um sie fertigzustellen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The import stopped: {reason}. The remaining %Ln photo(s) is(are) imported next time.</source>
        <translation>
            <numerusform>Der Import wurde angehalten: {reason}. Das verbleibende %Ln Foto wird beim nächsten Mal importiert.</numerusform>
            <numerusform>Der Import wurde angehalten: {reason}. Die verbleibenden %Ln Fotos werden beim nächsten Mal importiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{finished}; %Ln warning(s) in Activity</source>
        <translation>
            <numerusform>{finished}; %Ln Warnung in Aktivität</numerusform>
            <numerusform>{finished}; %Ln Warnungen in Aktivität</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation>
            <numerusform>%Ln Foto</numerusform>
            <numerusform>%Ln Fotos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import finished: {photos} added, {faces}, {people}; %Ln file(s) could not be imported</source>
        <translation>
            <numerusform>Import abgeschlossen: {photos} hinzugefügt, {faces}, {people}; %Ln Datei konnte nicht importiert werden</numerusform>
            <numerusform>Import abgeschlossen: {photos} hinzugefügt, {faces}, {people}; %Ln Dateien konnten nicht importiert werden</numerusform>
        </translation>
    </message>
    <message>
        <source>Import finished: {photos} added, {faces}, {people}</source>
        <translation>Import abgeschlossen: {photos} hinzugefügt, {faces}, {people}</translation>
    </message>
    <message>
        <source>Regrouping people at {threshold} %</source>
        <translation>Personen werden bei {threshold} % neu gruppiert</translation>
    </message>
    <message>
        <source>&amp;Cancel Regroup</source>
        <translation>Neugruppieren abbre&amp;chen</translation>
    </message>
    <message>
        <source>Cancelling the regroup: nothing changes…</source>
        <translation>Neugruppieren wird abgebrochen: Es ändert sich nichts …</translation>
    </message>
    <message>
        <source>Cancelling the regroup…</source>
        <translation>Neugruppieren wird abgebrochen …</translation>
    </message>
    <message>
        <source>Regroup cancelled: nothing changed</source>
        <translation>Neugruppieren abgebrochen: Es hat sich nichts geändert</translation>
    </message>
    <message numerus="yes">
        <source>Regrouped: %Ln person(s)</source>
        <translation>
            <numerusform>Neu gruppiert: %Ln Person</numerusform>
            <numerusform>Neu gruppiert: %Ln Personen</numerusform>
        </translation>
    </message>
    <message>
        <source>Regrouped</source>
        <translation>Neu gruppiert</translation>
    </message>
    <message>
        <source>Regroup not made: it needs more paid calls than announced</source>
        <translation>Nicht neu gruppiert: Es wären mehr kostenpflichtige Aufrufe nötig als angekündigt</translation>
    </message>
    <message>
        <source>Regrouping at {threshold} % cancelled: nothing changed</source>
        <translation>Neugruppieren bei {threshold} % abgebrochen: Es hat sich nichts geändert</translation>
    </message>
    <message numerus="yes">
        <source>The library was not regrouped at {threshold} %: it now needs %Ln Amazon Rekognition IndexFaces call(s), more than Settings announced. Open Settings again to see the new estimate.</source>
        <translation>
            <numerusform>Die Bibliothek wurde nicht bei {threshold} % neu gruppiert: Sie braucht jetzt %Ln Amazon-Rekognition-IndexFaces-Aufruf, mehr als die Einstellungen angekündigt haben. Öffnen Sie die Einstellungen erneut, um die neue Schätzung zu sehen.</numerusform>
            <numerusform>Die Bibliothek wurde nicht bei {threshold} % neu gruppiert: Sie braucht jetzt %Ln Amazon-Rekognition-IndexFaces-Aufrufe, mehr als die Einstellungen angekündigt haben. Öffnen Sie die Einstellungen erneut, um die neue Schätzung zu sehen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Regrouped at {threshold} %: %Ln person(s) (Ctrl+Z undoes it)</source>
        <translation>
            <numerusform>Bei {threshold} % neu gruppiert: %Ln Person (Strg+Z macht es rückgängig)</numerusform>
            <numerusform>Bei {threshold} % neu gruppiert: %Ln Personen (Strg+Z macht es rückgängig)</numerusform>
        </translation>
    </message>
    <message>
        <source>{file}: {message}</source>
        <translation>{file}: {message}</translation>
    </message>
    <message>
        <source>could not be imported</source>
        <translation>konnte nicht importiert werden</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} h</translation>
    </message>
    <message>
        <source>Beetroot</source>
        <translation>Beetroot</translation>
    </message>
    <message>
        <source>Opening your library…</source>
        <translation>Ihre Bibliothek wird geöffnet…</translation>
    </message>
    <message>
        <source>No library is open.</source>
        <translation>Keine Bibliothek geöffnet.</translation>
    </message>
    <message>
        <source>The library at {path} cannot be opened: {error}.</source>
        <translation>Die Bibliothek in {path} kann nicht geöffnet werden: {error}.</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>The library folder {path} cannot be used: {error}. Choose another location in Settings.</source>
        <translation>Der Bibliotheksordner {path} kann nicht verwendet werden: {error}. Wählen Sie in den Einstellungen einen anderen Ort.</translation>
    </message>
    <message>
        <source>The damaged library could not be moved aside: {error}</source>
        <translation>Die beschädigte Bibliothek konnte nicht beiseitegelegt werden: {error}</translation>
    </message>
    <message>
        <source>The damaged library file was moved to {path}.</source>
        <translation>Die beschädigte Bibliotheksdatei wurde nach {path} verschoben.</translation>
    </message>
    <message numerus="yes">
        <source>The damaged library file was moved to {path}. Importing your %Ln folder(s) again…</source>
        <translation>
            <numerusform>Die beschädigte Bibliotheksdatei wurde nach {path} verschoben. Ihr %Ln Ordner wird erneut importiert…</numerusform>
            <numerusform>Die beschädigte Bibliotheksdatei wurde nach {path} verschoben. Ihre %Ln Ordner werden erneut importiert…</numerusform>
        </translation>
    </message>
    <message>
        <source>That person has no photos left</source>
        <translation>Diese Person hat keine Fotos mehr</translation>
    </message>
    <message>
        <source>The library at {path} is opened the next time Beetroot starts.</source>
        <translation>Die Bibliothek in {path} wird beim nächsten Start von Beetroot geöffnet.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>überspringen</translation>
    </message>
    <message>
        <source>Merge people</source>
        <translation>Personen zusammenführen</translation>
    </message>
    <message>
        <source>Clear name</source>
        <translation>Name entfernen</translation>
    </message>
    <message>
        <source>Hide person</source>
        <translation>Person ausblenden</translation>
    </message>
    <message>
        <source>Show person</source>
        <translation>Person einblenden</translation>
    </message>
    <message>
        <source>Ignore face</source>
        <translation>Gesicht ignorieren</translation>
    </message>
    <message>
        <source>Add face to person</source>
        <translation>Gesicht der Person zuordnen</translation>
    </message>
    <message>
        <source>Confirm face</source>
        <translation>Gesicht bestätigen</translation>
    </message>
    <message>
        <source>Consolidate people</source>
        <translation>Personen zusammenfassen</translation>
    </message>
    <message>
        <source>Rename person</source>
        <translation>Person umbenennen</translation>
    </message>
    <message>
        <source>Rename to “{name}”</source>
        <translation>Umbenennen in „{name}“</translation>
    </message>
    <message numerus="yes">
        <source>Merge %Ln person(s)</source>
        <translation>
            <numerusform>%Ln Person zusammenführen</numerusform>
            <numerusform>%Ln Personen zusammenführen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hide %Ln person(s)</source>
        <translation>
            <numerusform>%Ln Person ausblenden</numerusform>
            <numerusform>%Ln Personen ausblenden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show %Ln person(s)</source>
        <translation>
            <numerusform>%Ln Person einblenden</numerusform>
            <numerusform>%Ln Personen einblenden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not this person (%Ln face(s))</source>
        <translation>
            <numerusform>Nicht diese Person (%Ln Gesicht)</numerusform>
            <numerusform>Nicht diese Person (%Ln Gesichter)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not a face (%Ln face(s))</source>
        <translation>
            <numerusform>Kein Gesicht (%Ln Gesicht)</numerusform>
            <numerusform>Kein Gesicht (%Ln Gesichter)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ignore %Ln face(s)</source>
        <translation>
            <numerusform>%Ln Gesicht ignorieren</numerusform>
            <numerusform>%Ln Gesichter ignorieren</numerusform>
        </translation>
    </message>
    <message>
        <source>Regroup at {threshold} %</source>
        <translation>Neu gruppieren bei {threshold} %</translation>
    </message>
    <message numerus="yes">
        <source>Review: {answer} (%Ln question(s))</source>
        <translation>
            <numerusform>Überprüfen: {answer} (%Ln Frage)</numerusform>
            <numerusform>Überprüfen: {answer} (%Ln Fragen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Review: {answer}</source>
        <translation>Überprüfen: {answer}</translation>
    </message>
    <message numerus="yes">
        <source>Merge these %Ln person(s) into one. The person you keep gives the merged person their name. Edit › Undo (Ctrl+Z) takes the merge back, and Split on the person's page takes a merged person out again.</source>
        <translation>
            <numerusform>Diese %Ln Person zu einer zusammenführen. Die Person, die Sie behalten, gibt der zusammengeführten Person ihren Namen. Bearbeiten › Rückgängig (Strg+Z) nimmt das Zusammenführen zurück, und Aufteilen auf der Seite der Person löst eine zusammengeführte Person wieder heraus.</numerusform>
            <numerusform>Diese %Ln Personen zu einer zusammenführen. Die Person, die Sie behalten, gibt der zusammengeführten Person ihren Namen. Bearbeiten › Rückgängig (Strg+Z) nimmt das Zusammenführen zurück, und Aufteilen auf der Seite der Person löst eine zusammengeführte Person wieder heraus.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep {name}  (%Ln photo(s))</source>
        <translation>
            <numerusform>{name} behalten  (%Ln Foto)</numerusform>
            <numerusform>{name} behalten  (%Ln Fotos)</numerusform>
        </translation>
    </message>
    <message>
        <source>Unnamed person</source>
        <translation>Unbenannte Person</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message numerus="yes">
        <source>{name}, %Ln photo(s)</source>
        <translation>
            <numerusform>{name}, %Ln Foto</numerusform>
            <numerusform>{name}, %Ln Fotos</numerusform>
        </translation>
    </message>
    <message>
        <source>{faces}, hidden from People</source>
        <translation>{faces}, in Personen ausgeblendet</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Ausgeblendet</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>kein Datum</translation>
    </message>
    <message>
        <source>{file}, with {people}</source>
        <translation>{file}, mit {people}</translation>
    </message>
    <message>
        <source>{text}, offline</source>
        <translation>{text}, offline</translation>
    </message>
    <message numerus="yes">
        <source>%Ln unnamed person(s)</source>
        <translation>
            <numerusform>%Ln unbenannte Person</numerusform>
            <numerusform>%Ln unbenannte Personen</numerusform>
        </translation>
    </message>
    <message>
        <source>{who}, in {file}</source>
        <translation>{who}, in {file}</translation>
    </message>
    <message>
        <source>{names} and {last}</source>
        <translation>{names} und {last}</translation>
    </message>
    <message>
        <source>first face</source>
        <translation>erstes Gesicht</translation>
    </message>
    <message>
        <source>{percent}% match</source>
        <translation>{percent} % Übereinstimmung</translation>
    </message>
    <message>
        <source>Removed by you</source>
        <translation>Von Ihnen entfernt</translation>
    </message>
    <message>
        <source>Face not clear enough</source>
        <translation>Gesicht nicht deutlich genug</translation>
    </message>
    <message>
        <source>Face too small</source>
        <translation>Gesicht zu klein</translation>
    </message>
    <message>
        <source>Not recognised</source>
        <translation>Nicht erkannt</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugeordnet</translation>
    </message>
    <message>
        <source>Could not rename</source>
        <translation>Umbenennen nicht möglich</translation>
    </message>
    <message>
        <source>Could not merge</source>
        <translation>Zusammenführen nicht möglich</translation>
    </message>
    <message>
        <source>Could not hide</source>
        <translation>Ausblenden nicht möglich</translation>
    </message>
    <message>
        <source>Could not show</source>
        <translation>Einblenden nicht möglich</translation>
    </message>
    <message>
        <source>Could not take the face out</source>
        <translation>Das Gesicht konnte nicht herausgenommen werden</translation>
    </message>
    <message>
        <source>Could not change the cover</source>
        <translation>Das Titelbild konnte nicht geändert werden</translation>
    </message>
    <message>
        <source>Could not split</source>
        <translation>Aufteilen nicht möglich</translation>
    </message>
    <message>
        <source>Could not add the face</source>
        <translation>Das Gesicht konnte nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>Could not remove the photos</source>
        <translation>Die Fotos konnten nicht entfernt werden</translation>
    </message>
    <message>
        <source>Could not answer</source>
        <translation>Antworten nicht möglich</translation>
    </message>
    <message>
        <source>Could not skip the question</source>
        <translation>Die Frage konnte nicht übersprungen werden</translation>
    </message>
    <message>
        <source>Could not mark it as not a face</source>
        <translation>Es konnte nicht als „Kein Gesicht“ markiert werden</translation>
    </message>
    <message>
        <source>Could not ignore the face</source>
        <translation>Das Gesicht konnte nicht ignoriert werden</translation>
    </message>
    <message>
        <source>Could not undo</source>
        <translation>Rückgängig machen nicht möglich</translation>
    </message>
    <message>
        <source>Could not redo</source>
        <translation>Wiederholen nicht möglich</translation>
    </message>
    <message>
        <source>there is nothing left to undo (another window or command changed the history meanwhile).</source>
        <translation>es gibt nichts mehr rückgängig zu machen (ein anderes Fenster oder ein Befehl hat den Verlauf inzwischen geändert).</translation>
    </message>
    <message>
        <source>there is nothing left to redo (another window or command changed the history meanwhile).</source>
        <translation>es gibt nichts mehr zu wiederholen (ein anderes Fenster oder ein Befehl hat den Verlauf inzwischen geändert).</translation>
    </message>
    <message>
        <source>Could not {action}</source>
        <translation>{action} nicht möglich</translation>
    </message>
    <message>
        <source>{failure}: {reason}</source>
        <translation>{failure}: {reason}</translation>
    </message>
    <message>
        <source>the last undo or redo is still running. Try again when it is done.</source>
        <translation>das letzte Rückgängigmachen oder Wiederholen läuft noch. Versuchen Sie es erneut, wenn es fertig ist.</translation>
    </message>
    <message>
        <source>that person or face has changed meanwhile (another window or command edited it). The view is up to date now; try again.</source>
        <translation>diese Person oder dieses Gesicht hat sich inzwischen geändert (ein anderes Fenster oder ein Befehl hat sie bearbeitet). Die Ansicht ist jetzt aktuell; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>the library is busy (an import is writing to it). Try again in a moment.</source>
        <translation>die Bibliothek ist belegt (ein Import schreibt gerade hinein). Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>the library file could not be written ({error}). Nothing was changed.</source>
        <translation>die Bibliotheksdatei konnte nicht geschrieben werden ({error}). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Renamed {old} to {new}</source>
        <translation>{old} in {new} umbenannt</translation>
    </message>
    <message>
        <source>Named {name}</source>
        <translation>Benannt: {name}</translation>
    </message>
    <message>
        <source>Name removed</source>
        <translation>Name entfernt</translation>
    </message>
    <message>
        <source>“{name}” is what people without a name are shown as</source>
        <translation>„{name}“ ist die Bezeichnung für Personen ohne Namen</translation>
    </message>
    <message>
        <source>an unnamed person</source>
        <translation>eine unbenannte Person</translation>
    </message>
    <message>
        <source>{person} was merged into {other}</source>
        <translation>{person} wurde mit {other} zusammengeführt</translation>
    </message>
    <message>
        <source>{person} was merged into someone else</source>
        <translation>{person} wurde mit jemand anderem zusammengeführt</translation>
    </message>
    <message>
        <source>{person} has no faces left</source>
        <translation>{person} hat keine Gesichter mehr</translation>
    </message>
    <message>
        <source>{person} is now called {name}</source>
        <translation>{person} heißt jetzt {name}</translation>
    </message>
    <message>
        <source>these people changed since you chose them ({changes}; another window or command edited them). Nothing was merged; the view is up to date now, choose again.</source>
        <translation>diese Personen haben sich geändert, seit Sie sie ausgewählt haben ({changes}; ein anderes Fenster oder ein Befehl hat sie bearbeitet). Es wurde nichts zusammengeführt; die Ansicht ist jetzt aktuell, wählen Sie erneut.</translation>
    </message>
    <message>
        <source>one person</source>
        <translation>eine Person</translation>
    </message>
    <message numerus="yes">
        <source>Merged %Ln person(s) into {name} (Ctrl+Z undoes it)</source>
        <translation>
            <numerusform>%Ln Person zu {name} zusammengeführt (Strg+Z macht es rückgängig)</numerusform>
            <numerusform>%Ln Personen zu {name} zusammengeführt (Strg+Z macht es rückgängig)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hid %Ln person(s) (View &gt; Show Hidden People lists them again)</source>
        <translation>
            <numerusform>%Ln Person ausgeblendet (Ansicht &gt; Ausgeblendete Personen anzeigen listet sie wieder auf)</numerusform>
            <numerusform>%Ln Personen ausgeblendet (Ansicht &gt; Ausgeblendete Personen anzeigen listet sie wieder auf)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s) shown again</source>
        <translation>
            <numerusform>%Ln Person wird wieder angezeigt</numerusform>
            <numerusform>%Ln Personen werden wieder angezeigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %Ln face(s) from this person; they will not be grouped with them again</source>
        <translation>
            <numerusform>%Ln Gesicht aus dieser Person entfernt; es wird nicht wieder mit ihr gruppiert</numerusform>
            <numerusform>%Ln Gesichter aus dieser Person entfernt; sie werden nicht wieder mit ihr gruppiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Cover photo changed</source>
        <translation>Titelbild geändert</translation>
    </message>
    <message numerus="yes">
        <source>%Ln formerly merged person(s)</source>
        <translation>
            <numerusform>%Ln früher zusammengeführte Person</numerusform>
            <numerusform>%Ln früher zusammengeführte Personen</numerusform>
        </translation>
    </message>
    <message>
        <source>Split off {faces} into a new person and {people} (Ctrl+Z undoes it)</source>
        <translation>{faces} in eine neue Person und {people} abgetrennt (Strg+Z macht es rückgängig)</translation>
    </message>
    <message>
        <source>Split off {people} (Ctrl+Z undoes it)</source>
        <translation>{people} abgetrennt (Strg+Z macht es rückgängig)</translation>
    </message>
    <message>
        <source>Split off {faces} into a new person (Ctrl+Z undoes it)</source>
        <translation>{faces} in eine neue Person abgetrennt (Strg+Z macht es rückgängig)</translation>
    </message>
    <message>
        <source>Face added to the person</source>
        <translation>Gesicht zur Person hinzugefügt</translation>
    </message>
    <message numerus="yes">
        <source>Removed {photos} from the library; the files were not touched (%Ln photo(s) found again meanwhile stayed)</source>
        <translation>
            <numerusform>{photos} aus der Bibliothek entfernt; die Dateien wurden nicht angerührt (%Ln inzwischen wiedergefundenes Foto ist geblieben)</numerusform>
            <numerusform>{photos} aus der Bibliothek entfernt; die Dateien wurden nicht angerührt (%Ln inzwischen wiedergefundene Fotos sind geblieben)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %Ln photo(s) from the library; the files were not touched</source>
        <translation>
            <numerusform>%Ln Foto aus der Bibliothek entfernt; die Dateien wurden nicht angerührt</numerusform>
            <numerusform>%Ln Fotos aus der Bibliothek entfernt; die Dateien wurden nicht angerührt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Answered yes to %Ln question(s) (Ctrl+Z undoes it)</source>
        <translation>
            <numerusform>%Ln Frage mit Ja beantwortet (Strg+Z macht es rückgängig)</numerusform>
            <numerusform>%Ln Fragen mit Ja beantwortet (Strg+Z macht es rückgängig)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Answered no to %Ln question(s) (Ctrl+Z undoes it)</source>
        <translation>
            <numerusform>%Ln Frage mit Nein beantwortet (Strg+Z macht es rückgängig)</numerusform>
            <numerusform>%Ln Fragen mit Nein beantwortet (Strg+Z macht es rückgängig)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %Ln question(s) (Ctrl+Z undoes it)</source>
        <translation>
            <numerusform>%Ln Frage übersprungen (Strg+Z macht es rückgängig)</numerusform>
            <numerusform>%Ln Fragen übersprungen (Strg+Z macht es rückgängig)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Answered %Ln question(s) (Ctrl+Z undoes it)</source>
        <translation>
            <numerusform>%Ln Frage beantwortet (Strg+Z macht es rückgängig)</numerusform>
            <numerusform>%Ln Fragen beantwortet (Strg+Z macht es rückgängig)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Marked %Ln face(s) as not a face (Ctrl+Z undoes it)</source>
        <translation>
            <numerusform>%Ln Gesicht als „Kein Gesicht“ markiert (Strg+Z macht es rückgängig)</numerusform>
            <numerusform>%Ln Gesichter als „Kein Gesicht“ markiert (Strg+Z macht es rückgängig)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ignored %Ln face(s) (Ctrl+Z undoes it)</source>
        <translation>
            <numerusform>%Ln Gesicht ignoriert (Strg+Z macht es rückgängig)</numerusform>
            <numerusform>%Ln Gesichter ignoriert (Strg+Z macht es rückgängig)</numerusform>
        </translation>
    </message>
    <message>
        <source>Face added to {name} (Ctrl+Z undoes it)</source>
        <translation>Gesicht zu {name} hinzugefügt (Strg+Z macht es rückgängig)</translation>
    </message>
    <message>
        <source>Face added (it matched no one it could join) (Ctrl+Z undoes it)</source>
        <translation>Gesicht hinzugefügt (es passte zu niemandem, dem es zugeordnet werden konnte) (Strg+Z macht es rückgängig)</translation>
    </message>
    <message>
        <source>Adding the face: finding who it is…</source>
        <translation>Gesicht wird hinzugefügt: Es wird ermittelt, wer es ist …</translation>
    </message>
    <message>
        <source>Undone: {edit}</source>
        <translation>Rückgängig gemacht: {edit}</translation>
    </message>
    <message>
        <source>Redone: {edit}</source>
        <translation>Wiederholt: {edit}</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Nichts rückgängig zu machen</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>Nichts zu wiederholen</translation>
    </message>
    <message>
        <source>Undoing “{edit}”…</source>
        <translation>„{edit}“ wird rückgängig gemacht …</translation>
    </message>
    <message>
        <source>Redoing “{edit}”…</source>
        <translation>„{edit}“ wird wiederholt …</translation>
    </message>
    <message>
        <source>Beetroot finds every face in them and groups your photos by person. Your photos stay where they are, and nothing leaves this computer.</source>
        <translation>Beetroot findet jedes Gesicht darin und gruppiert Ihre Fotos nach Personen. Ihre Fotos bleiben, wo sie sind, und nichts verlässt diesen Computer.</translation>
    </message>
    <message>
        <source>Search names</source>
        <translation>Namen suchen</translation>
    </message>
    <message>
        <source>Search people</source>
        <translation>Personen suchen</translation>
    </message>
    <message>
        <source>Shows only the people whose name contains what you type</source>
        <translation>Zeigt nur die Personen, deren Name das Eingegebene enthält</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <source>Most photos</source>
        <translation>Meiste Fotos</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Sort people</source>
        <translation>Personen sortieren</translation>
    </message>
    <message>
        <source>Merge the selected people into one (Ctrl+M)</source>
        <translation>Die ausgewählten Personen zu einer zusammenführen (Strg+M)</translation>
    </message>
    <message numerus="yes">
        <source>in at least %Ln photo(s)</source>
        <translation>
            <numerusform>auf mindestens %Ln Foto</numerusform>
            <numerusform>auf mindestens %Ln Fotos</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter by number of photos</source>
        <translation>Nach Anzahl der Fotos filtern</translation>
    </message>
    <message>
        <source>Enter opens a person, F2 renames, Ctrl+M merges the selected people, Ctrl+Shift+M merges them into a person chosen from a list</source>
        <translation>Eingabe öffnet eine Person, F2 benennt um, Strg+M führt die ausgewählten Personen zusammen, Strg+Umschalt+M führt sie mit einer Person aus einer Liste zusammen</translation>
    </message>
    <message>
        <source>Drop photos or folders here</source>
        <translation>Fotos oder Ordner hierher ziehen</translation>
    </message>
    <message>
        <source>Import Folder…</source>
        <translation>Ordner importieren…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln Person</numerusform>
            <numerusform>%Ln Personen</numerusform>
        </translation>
    </message>
    <message>
        <source>No one called “{name}”</source>
        <translation>Niemand namens „{name}“</translation>
    </message>
    <message>
        <source>Only names are searched. Give someone a name: select the tile and press F2.</source>
        <translation>Es werden nur Namen durchsucht. Geben Sie jemandem einen Namen: Kachel auswählen und F2 drücken.</translation>
    </message>
    <message>
        <source>Everyone is hidden</source>
        <translation>Alle sind ausgeblendet</translation>
    </message>
    <message>
        <source>View &gt; Show Hidden People lists them again.</source>
        <translation>Ansicht &gt; Ausgeblendete Personen anzeigen listet sie wieder auf.</translation>
    </message>
    <message numerus="yes">
        <source>No one is in %Ln photo(s) or more yet</source>
        <translation>
            <numerusform>Noch niemand ist auf %Ln Foto oder mehr</numerusform>
            <numerusform>Noch niemand ist auf %Ln Fotos oder mehr</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose “In at least 1 photo” above to see everyone.</source>
        <translation>Wählen Sie oben „auf mindestens 1 Foto“, um alle zu sehen.</translation>
    </message>
    <message>
        <source>No people yet</source>
        <translation>Noch keine Personen</translation>
    </message>
    <message>
        <source>People appear here as their faces are found. Faces too small or unclear to recognise are under Unassigned faces.</source>
        <translation>Personen erscheinen hier, sobald ihre Gesichter gefunden werden. Gesichter, die zu klein oder zu undeutlich zum Erkennen sind, stehen unter Nicht zugeordnete Gesichter.</translation>
    </message>
    <message numerus="yes">
        <source>Show the people seen in at least this many photos. People seen in one photo are usually strangers in the background; named people always show. The default here is %Ln photo(s): most people in this library are seen only once.</source>
        <translation>
            <numerusform>Zeigt die Personen, die auf mindestens so vielen Fotos zu sehen sind. Personen auf nur einem Foto sind meist Fremde im Hintergrund; Personen mit Namen werden immer gezeigt. Die Voreinstellung ist hier %Ln Foto: Die meisten Personen in dieser Bibliothek sind nur einmal zu sehen.</numerusform>
            <numerusform>Zeigt die Personen, die auf mindestens so vielen Fotos zu sehen sind. Personen auf nur einem Foto sind meist Fremde im Hintergrund; Personen mit Namen werden immer gezeigt. Die Voreinstellung ist hier %Ln Fotos: Die meisten Personen in dieser Bibliothek sind nur einmal zu sehen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show the people seen in at least this many photos. People seen in one photo are usually strangers in the background; named people always show. The default here is %Ln photo(s): this library has few people seen only once.</source>
        <translation>
            <numerusform>Zeigt die Personen, die auf mindestens so vielen Fotos zu sehen sind. Personen auf nur einem Foto sind meist Fremde im Hintergrund; Personen mit Namen werden immer gezeigt. Die Voreinstellung ist hier %Ln Foto: Diese Bibliothek hat wenige Personen, die nur einmal zu sehen sind.</numerusform>
            <numerusform>Zeigt die Personen, die auf mindestens so vielen Fotos zu sehen sind. Personen auf nur einem Foto sind meist Fremde im Hintergrund; Personen mit Namen werden immer gezeigt. Die Voreinstellung ist hier %Ln Fotos: Diese Bibliothek hat wenige Personen, die nur einmal zu sehen sind.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select two or more people to merge (Ctrl+click or Shift+click)</source>
        <translation>Wählen Sie zwei oder mehr Personen zum Zusammenführen aus (Strg+Klick oder Umschalt+Klick)</translation>
    </message>
    <message>
        <source>Select the people to merge first</source>
        <translation>Wählen Sie zuerst die Personen zum Zusammenführen aus</translation>
    </message>
    <message>
        <source>Merge into</source>
        <translation>Zusammenführen mit</translation>
    </message>
    <message numerus="yes">
        <source>Which person should the %Ln selected person(s) be merged into?</source>
        <translation>
            <numerusform>Mit welcher Person soll die %Ln ausgewählte Person zusammengeführt werden?</numerusform>
            <numerusform>Mit welcher Person sollen die %Ln ausgewählten Personen zusammengeführt werden?</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>No photos yet</source>
        <translation>Noch keine Fotos</translation>
    </message>
    <message>
        <source>Drop photos or folders anywhere on this window.</source>
        <translation>Ziehen Sie Fotos oder Ordner an eine beliebige Stelle dieses Fensters.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s), oldest first</source>
        <translation>
            <numerusform>%Ln Foto, älteste zuerst</numerusform>
            <numerusform>%Ln Fotos, älteste zuerst</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter opens the photo; the context menu key adds a face to a person</source>
        <translation>Eingabe öffnet das Foto; die Kontextmenütaste ordnet ein Gesicht einer Person zu</translation>
    </message>
    <message>
        <source>No unassigned faces</source>
        <translation>Keine nicht zugeordneten Gesichter</translation>
    </message>
    <message>
        <source>Faces too small or unclear to recognise, and faces you took out of a person with “Not this person”, are listed here.</source>
        <translation>Gesichter, die zu klein oder zu undeutlich zum Erkennen sind, und Gesichter, die Sie mit „Nicht diese Person“ aus einer Person herausgenommen haben, werden hier aufgeführt.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln face(s) that [belongs|belong] to no one: too small, unclear, or removed by you</source>
        <translation>
            <numerusform>%Ln Gesicht, das niemandem gehört: zu klein, undeutlich oder von Ihnen entfernt</numerusform>
            <numerusform>%Ln Gesichter, die niemandem gehören: zu klein, undeutlich oder von Ihnen entfernt</numerusform>
        </translation>
    </message>
    <message>
        <source>Open photo</source>
        <translation>Foto öffnen</translation>
    </message>
    <message>
        <source>Add to person…</source>
        <translation>Zu Person hinzufügen…</translation>
    </message>
    <message>
        <source>Not a face</source>
        <translation>Kein Gesicht</translation>
    </message>
    <message>
        <source>Ignore (a stranger in the background)</source>
        <translation>Ignorieren (ein Fremder im Hintergrund)</translation>
    </message>
    <message>
        <source>Back to People (Esc)</source>
        <translation>Zurück zu Personen (Esc)</translation>
    </message>
    <message>
        <source>Back to People</source>
        <translation>Zurück zu Personen</translation>
    </message>
    <message>
        <source>Double-click or press F2 to rename</source>
        <translation>Zum Umbenennen doppelklicken oder F2 drücken</translation>
    </message>
    <message>
        <source>{subtitle} · hidden</source>
        <translation>{subtitle} · ausgeblendet</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>ausgeblendet</translation>
    </message>
    <message>
        <source>Add a name</source>
        <translation>Namen hinzufügen</translation>
    </message>
    <message>
        <source>Enter keeps the new name, Escape gives up</source>
        <translation>Eingabe übernimmt den neuen Namen, Esc bricht ab</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Rename (F2)</source>
        <translation>Umbenennen (F2)</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>With…</source>
        <translation>Mit…</translation>
    </message>
    <message>
        <source>Photos of this person together with someone else</source>
        <translation>Fotos dieser Person zusammen mit jemand anderem</translation>
    </message>
    <message>
        <source>More: Export Photos…, Forget Person…</source>
        <translation>Mehr: Fotos exportieren…, Person vergessen…</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Mehr</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>No photos</source>
        <translation>Keine Fotos</translation>
    </message>
    <message>
        <source>Select a face that is not this person and press Delete: it will never be grouped with them again. Split… makes the selected faces a person of their own. Shift+Delete: not a face at all; Ctrl+Delete: a stranger in the background, ignored.</source>
        <translation>Wählen Sie ein Gesicht aus, das nicht diese Person ist, und drücken Sie Entf: Es wird nie wieder dieser Person zugeordnet. Aufteilen… macht die ausgewählten Gesichter zu einer eigenen Person. Umschalt+Entf: gar kein Gesicht; Strg+Entf: ein Fremder im Hintergrund, wird ignoriert.</translation>
    </message>
    <message>
        <source>Not this person</source>
        <translation>Nicht diese Person</translation>
    </message>
    <message>
        <source>Take the selected faces out of this person (Delete)</source>
        <translation>Die ausgewählten Gesichter aus dieser Person herausnehmen (Entf)</translation>
    </message>
    <message>
        <source>Use as cover</source>
        <translation>Als Titelbild verwenden</translation>
    </message>
    <message>
        <source>Show this face on the person's tile</source>
        <translation>Dieses Gesicht auf der Kachel der Person zeigen</translation>
    </message>
    <message>
        <source>Split…</source>
        <translation>Aufteilen…</translation>
    </message>
    <message>
        <source>Split the selected faces, or a person merged into this one, off into a person of their own</source>
        <translation>Die ausgewählten Gesichter oder eine mit dieser zusammengeführte Person als eigene Person abtrennen</translation>
    </message>
    <message>
        <source>Faces</source>
        <translation>Gesichter</translation>
    </message>
    <message>
        <source>Delete: not this person; Shift+Delete: not a face; Ctrl+Delete: ignore; Enter opens the photo</source>
        <translation>Entf: nicht diese Person; Umschalt+Entf: kein Gesicht; Strg+Entf: ignorieren; Eingabe öffnet das Foto</translation>
    </message>
    <message>
        <source>No photos left</source>
        <translation>Keine Fotos mehr</translation>
    </message>
    <message>
        <source>hidden from People</source>
        <translation>in Personen ausgeblendet</translation>
    </message>
    <message>
        <source>Show in People</source>
        <translation>In Personen zeigen</translation>
    </message>
    <message>
        <source>List this person in People again (Ctrl+H)</source>
        <translation>Diese Person wieder in Personen aufführen (Strg+H)</translation>
    </message>
    <message>
        <source>Hide this person from People (Ctrl+H)</source>
        <translation>Diese Person in Personen ausblenden (Strg+H)</translation>
    </message>
    <message>
        <source>Photos of {name}</source>
        <translation>Fotos von {name}</translation>
    </message>
    <message>
        <source>Faces of {name}</source>
        <translation>Gesichter von {name}</translation>
    </message>
    <message>
        <source>Select the faces that are not this person first (Faces tab)</source>
        <translation>Wählen Sie zuerst die Gesichter aus, die nicht diese Person sind (Reiter Gesichter)</translation>
    </message>
    <message>
        <source>Select one face to use as the cover</source>
        <translation>Wählen Sie ein Gesicht als Titelbild aus</translation>
    </message>
    <message>
        <source>Select the faces to split off on the Faces tab first</source>
        <translation>Wählen Sie zuerst im Reiter Gesichter die Gesichter aus, die abgetrennt werden sollen</translation>
    </message>
    <message>
        <source>Split off into a new person</source>
        <translation>Als neue Person abtrennen</translation>
    </message>
    <message>
        <source>Select the faces first (Faces tab)</source>
        <translation>Wählen Sie zuerst die Gesichter aus (Reiter Gesichter)</translation>
    </message>
    <message>
        <source>Photos together</source>
        <translation>Gemeinsame Fotos</translation>
    </message>
    <message>
        <source>Photos of {name} together with whom?</source>
        <translation>Fotos von {name} zusammen mit wem?</translation>
    </message>
    <message>
        <source>Split person</source>
        <translation>Person aufteilen</translation>
    </message>
    <message>
        <source>this person</source>
        <translation>dieser Person</translation>
    </message>
    <message>
        <source>Choose what to split off {name}. A person merged in before gets back the faces their merge brought; selected faces become a new person. Edit › Undo (Ctrl+Z) puts them back together.</source>
        <translation>Wählen Sie, was von {name} abgetrennt werden soll. Eine früher hinzugeführte Person erhält die Gesichter zurück, die ihre Zusammenführung mitgebracht hat; ausgewählte Gesichter werden zu einer neuen Person. Bearbeiten › Rückgängig (Strg+Z) fügt sie wieder zusammen.</translation>
    </message>
    <message>
        <source>What to split off</source>
        <translation>Was abgetrennt werden soll</translation>
    </message>
    <message>
        <source>Space ticks or unticks the current entry</source>
        <translation>Die Leertaste hakt den aktuellen Eintrag an oder ab</translation>
    </message>
    <message numerus="yes">
        <source>The %Ln selected face(s), as a new person</source>
        <translation>
            <numerusform>Das %Ln ausgewählte Gesicht, als neue Person</numerusform>
            <numerusform>Die %Ln ausgewählten Gesichter, als neue Person</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name}  (%Ln face(s))</source>
        <translation>
            <numerusform>{name}  (%Ln Gesicht)</numerusform>
            <numerusform>{name}  (%Ln Gesichter)</numerusform>
        </translation>
    </message>
    <message>
        <source>{name}  (no faces left)</source>
        <translation>{name}  (keine Gesichter mehr)</translation>
    </message>
    <message>
        <source>Merged into {name} before; splitting gives {other} back the faces the merge brought</source>
        <translation>Früher mit {name} zusammengeführt; das Aufteilen gibt {other} die Gesichter zurück, die die Zusammenführung mitgebracht hat</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Aufteilen</translation>
    </message>
    <message>
        <source>Add to person</source>
        <translation>Zu Person hinzufügen</translation>
    </message>
    <message>
        <source>Which person is this?</source>
        <translation>Welche Person ist das?</translation>
    </message>
    <message>
        <source>When Beetroot is not sure whether two faces are the same person, it asks here instead of guessing. Imports and regroups add questions; your answers are kept, and never asked again.</source>
        <translation>Wenn Beetroot nicht sicher ist, ob zwei Gesichter dieselbe Person zeigen, fragt es hier, statt zu raten. Importe und Neugruppierungen fügen Fragen hinzu; Ihre Antworten bleiben erhalten und werden nie erneut gefragt.</translation>
    </message>
    <message>
        <source>One at a time</source>
        <translation>Einzeln</translation>
    </message>
    <message>
        <source>Several at once</source>
        <translation>Mehrere auf einmal</translation>
    </message>
    <message>
        <source>One question at a time, large (Y yes, N no, S skip, ← → move)</source>
        <translation>Eine Frage nach der anderen, groß (Y Ja, N Nein, S Überspringen, ← → blättern)</translation>
    </message>
    <message>
        <source>The questions about one person as a list: select several, then Y, N or S</source>
        <translation>Die Fragen zu einer Person als Liste: mehrere auswählen, dann Y, N oder S</translation>
    </message>
    <message>
        <source>Reading the questions…</source>
        <translation>Fragen werden gelesen…</translation>
    </message>
    <message>
        <source>Nothing to review</source>
        <translation>Nichts zu überprüfen</translation>
    </message>
    <message>
        <source>Previous question (←)</source>
        <translation>Vorherige Frage (←)</translation>
    </message>
    <message>
        <source>Previous question</source>
        <translation>Vorherige Frage</translation>
    </message>
    <message>
        <source>Next question, without answering (→)</source>
        <translation>Nächste Frage, ohne zu antworten (→)</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>Nächste Frage</translation>
    </message>
    <message>
        <source>Yes   Y</source>
        <translation>Ja   Y</translation>
    </message>
    <message>
        <source>No   N</source>
        <translation>Nein   N</translation>
    </message>
    <message>
        <source>Skip   S</source>
        <translation>Überspringen   S</translation>
    </message>
    <message>
        <source>Yes, the same person (Y)</source>
        <translation>Ja, dieselbe Person (Y)</translation>
    </message>
    <message>
        <source>No, not the same person: never asked or grouped together again (N)</source>
        <translation>Nein, nicht dieselbe Person: wird nie wieder gefragt oder zusammen gruppiert (N)</translation>
    </message>
    <message>
        <source>Not sure: ask again after the others (S)</source>
        <translation>Nicht sicher: nach den anderen erneut fragen (S)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>The person the listed questions ask about</source>
        <translation>Die Person, nach der die aufgeführten Fragen fragen</translation>
    </message>
    <message>
        <source>Questions about</source>
        <translation>Fragen zu</translation>
    </message>
    <message>
        <source>Select the faces that are this person (Ctrl+A selects all) and press Y; N says they are not, S skips them. One answer, one Undo.</source>
        <translation>Wählen Sie die Gesichter aus, die diese Person zeigen (Strg+A wählt alle aus), und drücken Sie Y; N verneint, S überspringt sie. Eine Antwort, ein Rückgängig.</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <source>{percent} % alike. Yes merges them ({name} keeps the name); no keeps them apart for good.</source>
        <translation>{percent} % ähnlich. Ja führt sie zusammen ({name} behält den Namen); Nein hält sie dauerhaft getrennt.</translation>
    </message>
    <message>
        <source>{percent} % alike. Yes merges them; no keeps them apart for good.</source>
        <translation>{percent} % ähnlich. Ja führt sie zusammen; Nein hält sie dauerhaft getrennt.</translation>
    </message>
    <message>
        <source>Enter opens {name}, Shift+Enter opens {other}.</source>
        <translation>Eingabe öffnet {name}, Umschalt+Eingabe öffnet {other}.</translation>
    </message>
    <message>
        <source>{percent} % alike. Yes puts this face with {name}; no keeps it out for good. Double-click a face to see its photo.</source>
        <translation>{percent} % ähnlich. Ja ordnet dieses Gesicht {name} zu; Nein hält es dauerhaft fern. Doppelklicken Sie auf ein Gesicht, um sein Foto zu sehen.</translation>
    </message>
    <message>
        <source>Enter opens the photo of this face, Shift+Enter opens {name}.</source>
        <translation>Eingabe öffnet das Foto dieses Gesichts, Umschalt+Eingabe öffnet {name}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln question(s) waiting</source>
        <translation>
            <numerusform>%Ln Frage offen</numerusform>
            <numerusform>%Ln Fragen offen</numerusform>
        </translation>
    </message>
    <message>
        <source>{position} of {total} · skipped before   ·   ← → move</source>
        <translation>{position} von {total} · zuvor übersprungen   ·   ← → blättern</translation>
    </message>
    <message>
        <source>{position} of {total}   ·   ← → move</source>
        <translation>{position} von {total}   ·   ← → blättern</translation>
    </message>
    <message>
        <source>{name} ({count})</source>
        <comment>a person and the number of questions about them</comment>
        <translation>{name} ({count})</translation>
    </message>
    <message>
        <source>Select the faces that are {name} (Ctrl+A selects all) and press Y; N says they are not, S skips them. One answer, one Undo.</source>
        <translation>Wählen Sie die Gesichter aus, die {name} zeigen (Strg+A wählt alle aus), und drücken Sie Y; N verneint, S überspringt sie. Eine Antwort, ein Rückgängig.</translation>
    </message>
    <message>
        <source>Questions about {name}</source>
        <translation>Fragen zu {name}</translation>
    </message>
    <message>
        <source>Select the questions to answer first (Ctrl+A selects them all)</source>
        <translation>Wählen Sie zuerst die zu beantwortenden Fragen aus (Strg+A wählt alle aus)</translation>
    </message>
    <message>
        <source>{percent} % alike</source>
        <translation>{percent} % ähnlich</translation>
    </message>
    <message>
        <source>Same person?</source>
        <translation>Dieselbe Person?</translation>
    </message>
    <message>
        <source>Is this {name}?</source>
        <translation>Ist das {name}?</translation>
    </message>
    <message>
        <source>Is this the same person?</source>
        <translation>Ist das dieselbe Person?</translation>
    </message>
    <message>
        <source>now in {name}, in {file}</source>
        <translation>jetzt bei {name}, in {file}</translation>
    </message>
    <message>
        <source>now in {name}</source>
        <translation>jetzt bei {name}</translation>
    </message>
    <message>
        <source>in {file}</source>
        <translation>in {file}</translation>
    </message>
    <message>
        <source>This face</source>
        <translation>Dieses Gesicht</translation>
    </message>
    <message>
        <source>{percent} % alike · skipped</source>
        <translation>{percent} % ähnlich · übersprungen</translation>
    </message>
    <message>
        <source>These settings are used when the face engine (General) is Amazon Rekognition.</source>
        <translation>Diese Einstellungen gelten, wenn Amazon Rekognition die Gesichtserkennung ist (Allgemein).</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Default (environment, SSO or default profile)</source>
        <translation>Standard (Umgebung, SSO oder Standardprofil)</translation>
    </message>
    <message>
        <source>Amazon Rekognition</source>
        <translation>Amazon Rekognition</translation>
    </message>
    <message>
        <source>from your AWS profile</source>
        <translation>aus Ihrem AWS-Profil</translation>
    </message>
    <message>
        <source>AWS region</source>
        <translation>AWS-Region</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>Region:</translation>
    </message>
    <message>
        <source>Collection:</source>
        <translation>Sammlung:</translation>
    </message>
    <message>
        <source>AWS profile:</source>
        <translation>AWS-Profil:</translation>
    </message>
    <message>
        <source>Access key, kept in the system keyring:</source>
        <translation>Zugriffsschlüssel, im Schlüsselbund des Systems gespeichert:</translation>
    </message>
    <message>
        <source>AWS profile</source>
        <translation>AWS-Profil</translation>
    </message>
    <message>
        <source>Access key id</source>
        <translation>Zugriffsschlüssel-ID</translation>
    </message>
    <message>
        <source>Secret access key</source>
        <translation>Geheimer Zugriffsschlüssel</translation>
    </message>
    <message>
        <source>Remove saved key</source>
        <translation>Gespeicherten Schlüssel entfernen</translation>
    </message>
    <message>
        <source>The saved key is removed when you press Save.</source>
        <translation>Der gespeicherte Schlüssel wird entfernt, wenn Sie auf „Speichern“ klicken.</translation>
    </message>
    <message>
        <source>Credentials:</source>
        <translation>Zugangsdaten:</translation>
    </message>
    <message>
        <source>Match against whole people (user vectors)</source>
        <translation>Mit ganzen Personen abgleichen (Benutzervektoren)</translation>
    </message>
    <message>
        <source>Matches each face against an Amazon Rekognition user per person instead of single faces</source>
        <translation>Gleicht jedes Gesicht mit einem Amazon-Rekognition-Benutzer pro Person statt mit einzelnen Gesichtern ab</translation>
    </message>
    <message>
        <source>Each person becomes an Amazon Rekognition user built from up to 100 of their faces, which matches more accurately than one face at a time.</source>
        <translation>Jede Person wird zu einem Amazon-Rekognition-Benutzer aus bis zu 100 ihrer Gesichter; das gleicht genauer ab als ein einzelnes Gesicht.</translation>
    </message>
    <message>
        <source>Cost: a face's search costs what it costs now; a new person takes two more calls (CreateUser, AssociateFaces) and a face added to a person two (IndexFaces, AssociateFaces), about {price} each. People found face by face get their user on the next import, two calls each.</source>
        <translation>Kosten: Die Suche nach einem Gesicht kostet so viel wie bisher; eine neue Person braucht zwei weitere Aufrufe (CreateUser, AssociateFaces) und ein Gesicht, das einer Person hinzugefügt wird, zwei (IndexFaces, AssociateFaces), je etwa {price}. Personen, die Gesicht für Gesicht gefunden wurden, erhalten ihren Benutzer beim nächsten Import, mit je zwei Aufrufen.</translation>
    </message>
    <message>
        <source>Faces you take out of a person leave its user on the next import (DisassociateFaces, one call per person).</source>
        <translation>Gesichter, die Sie aus einer Person herausnehmen, verlassen beim nächsten Import deren Benutzer (DisassociateFaces, ein Aufruf pro Person).</translation>
    </message>
    <message>
        <source>Matching:</source>
        <translation>Abgleich:</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Create collection</source>
        <translation>Sammlung erstellen</translation>
    </message>
    <message>
        <source>type both the access key id and the secret access key</source>
        <translation>geben Sie sowohl die Zugriffsschlüssel-ID als auch den geheimen Zugriffsschlüssel ein</translation>
    </message>
    <message>
        <source>the system keyring is still being read; try again in a moment</source>
        <translation>der Schlüsselbund des Systems wird noch gelesen; versuchen Sie es gleich noch einmal</translation>
    </message>
    <message>
        <source>type an access key id and secret, or choose an AWS profile</source>
        <translation>geben Sie eine Zugriffsschlüssel-ID und den geheimen Schlüssel ein, oder wählen Sie ein AWS-Profil</translation>
    </message>
    <message>
        <source>Access key id (reading the system keyring…)</source>
        <translation>Zugriffsschlüssel-ID (Schlüsselbund des Systems wird gelesen …)</translation>
    </message>
    <message>
        <source>Access key id (saved: {key})</source>
        <translation>Zugriffsschlüssel-ID (gespeichert: {key})</translation>
    </message>
    <message>
        <source>Access key id (AKIA…)</source>
        <translation>Zugriffsschlüssel-ID (AKIA…)</translation>
    </message>
    <message>
        <source>Secret access key (saved; type to replace)</source>
        <translation>Geheimer Zugriffsschlüssel (gespeichert; zum Ersetzen eingeben)</translation>
    </message>
    <message>
        <source>Creating the collection…</source>
        <translation>Sammlung wird erstellt …</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt …</translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation>Verbunden.</translation>
    </message>
    <message>
        <source>The connection failed.</source>
        <translation>Die Verbindung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Signed in as {account}. Created the collection “{collection}” in {region}; it is empty and ready.</source>
        <translation>Angemeldet als {account}. Die Sammlung „{collection}“ wurde in {region} erstellt; sie ist leer und bereit.</translation>
    </message>
    <message numerus="yes">
        <source>Signed in as {account}. Collection “{collection}” in {region} holds %Ln face(s).</source>
        <translation>
            <numerusform>Angemeldet als {account}. Die Sammlung „{collection}“ in {region} enthält %Ln Gesicht.</numerusform>
            <numerusform>Angemeldet als {account}. Die Sammlung „{collection}“ in {region} enthält %Ln Gesichter.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed in as {account}. The collection “{collection}” does not exist in {region}: check the collection id and the region, or create it with the Create collection button.</source>
        <translation>Angemeldet als {account}. Die Sammlung „{collection}“ gibt es in {region} nicht: Prüfen Sie die Sammlungs-ID und die Region oder legen Sie sie mit der Schaltfläche „Sammlung erstellen“ an.</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Erscheinungsbild</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>This library's people were found with the “{engine}” engine, and one library cannot mix engines. Choose a new library location below to use this engine.</source>
        <translation>Die Personen dieser Bibliothek wurden mit der Gesichtserkennung „{engine}“ gefunden, und eine Bibliothek kann keine Gesichtserkennungen mischen. Wählen Sie unten einen neuen Speicherort für die Bibliothek, um diese Gesichtserkennung zu verwenden.</translation>
    </message>
    <message>
        <source>The settings could not be saved: {error}</source>
        <translation>Die Einstellungen konnten nicht gespeichert werden: {error}</translation>
    </message>
    <message>
        <source>On this computer (offline)</source>
        <translation>Auf diesem Computer (offline)</translation>
    </message>
    <message>
        <source>Amazon Rekognition (cloud)</source>
        <translation>Amazon Rekognition (Cloud)</translation>
    </message>
    <message>
        <source>Matching</source>
        <translation>Zuordnung</translation>
    </message>
    <message>
        <source>Face engine:</source>
        <translation>Gesichtserkennung:</translation>
    </message>
    <message>
        <source>Match threshold</source>
        <translation>Schwellenwert für Übereinstimmung</translation>
    </message>
    <message>
        <source>Match threshold in percent</source>
        <translation>Schwellenwert für Übereinstimmung in Prozent</translation>
    </message>
    <message>
        <source>Match threshold:</source>
        <translation>Schwellenwert:</translation>
    </message>
    <message>
        <source>Kept in this library; other libraries keep theirs. New libraries start at {threshold} %.</source>
        <translation>Gilt für diese Bibliothek; andere Bibliotheken behalten ihren eigenen. Neue Bibliotheken beginnen bei {threshold} %.</translation>
    </message>
    <message>
        <source>This library’s Amazon Rekognition searches kept candidates down to {floor} %: a lower threshold would need every face searched again.</source>
        <translation>Die Amazon-Rekognition-Suchen dieser Bibliothek haben Kandidaten bis hinab zu {floor} % behalten: Ein niedrigerer Schwellenwert würde erfordern, jedes Gesicht erneut zu suchen.</translation>
    </message>
    <message>
        <source>Higher: people are grouped only when the engine is very sure (fewer mix-ups, more duplicates of one person). Lower: fewer duplicates, more risk of mixing people. Names, merges and “Not this person” choices are kept.</source>
        <translation>Höher: Personen werden nur gruppiert, wenn die Gesichtserkennung sehr sicher ist (weniger Verwechslungen, mehr Doppelte einer Person). Niedriger: weniger Doppelte, größeres Risiko, Personen zu vermischen. Namen, Zusammenführungen und „Nicht diese Person“-Entscheidungen bleiben erhalten.</translation>
    </message>
    <message>
        <source>One per processor core</source>
        <translation>Eines pro Prozessorkern</translation>
    </message>
    <message>
        <source>Photos at once:</source>
        <translation>Fotos gleichzeitig:</translation>
    </message>
    <message>
        <source>This library can be regrouped at {floor} % or more: its searches kept no candidates below {floor} %.</source>
        <translation>Diese Bibliothek kann ab {floor} % neu gruppiert werden: Ihre Suchen haben keine Kandidaten unter {floor} % behalten.</translation>
    </message>
    <message>
        <source>Counting the Amazon Rekognition calls this threshold needs; save again in a moment.</source>
        <translation>Die Amazon-Rekognition-Aufrufe für diesen Schwellenwert werden gezählt; speichern Sie gleich noch einmal.</translation>
    </message>
    <message>
        <source>No preview: {error}</source>
        <translation>Keine Vorschau: {error}</translation>
    </message>
    <message numerus="yes">
        <source>At {threshold} %: %Ln person(s) (the current grouping)</source>
        <translation>
            <numerusform>Bei {threshold} %: %Ln Person (die aktuelle Gruppierung)</numerusform>
            <numerusform>Bei {threshold} %: %Ln Personen (die aktuelle Gruppierung)</numerusform>
        </translation>
    </message>
    <message>
        <source>At {threshold} %: counting people…</source>
        <translation>Bei {threshold} %: Personen werden gezählt…</translation>
    </message>
    <message numerus="yes">
        <source>At {threshold} %: %Ln person(s)</source>
        <translation>
            <numerusform>Bei {threshold} %: %Ln Person</numerusform>
            <numerusform>Bei {threshold} %: %Ln Personen</numerusform>
        </translation>
    </message>
    <message>
        <source>{preview} (now {count})</source>
        <translation>{preview} (jetzt {count})</translation>
    </message>
    <message numerus="yes">
        <source>{preview}, %Ln face(s) would change person</source>
        <translation>
            <numerusform>{preview}, %Ln Gesicht würde die Person wechseln</numerusform>
            <numerusform>{preview}, %Ln Gesichter würden die Person wechseln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{preview}; saving makes %Ln Amazon Rekognition IndexFaces call(s) (about ${cost})</source>
        <translation>
            <numerusform>{preview}; Speichern führt %Ln Amazon-Rekognition-IndexFaces-Aufruf aus (etwa {cost} $)</numerusform>
            <numerusform>{preview}; Speichern führt %Ln Amazon-Rekognition-IndexFaces-Aufrufe aus (etwa {cost} $)</numerusform>
        </translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Library location</source>
        <translation>Speicherort der Bibliothek</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Speicherort:</translation>
    </message>
    <message>
        <source>Where Beetroot keeps its index and thumbnails; your photos stay where they are. A new location starts an empty library, and the current one is kept.</source>
        <translation>Hier speichert Beetroot seinen Index und seine Vorschaubilder; Ihre Fotos bleiben, wo sie sind. Ein neuer Speicherort beginnt eine leere Bibliothek, die aktuelle bleibt erhalten.</translation>
    </message>
    <message>
        <source>Open now: {folder} (chosen with &lt;nobr&gt;--library&lt;/nobr&gt; or &lt;nobr&gt;BEETROOT_LIBRARY&lt;/nobr&gt;, which win over this)</source>
        <translation>Jetzt geöffnet: {folder} (gewählt mit &lt;nobr&gt;--library&lt;/nobr&gt; oder &lt;nobr&gt;BEETROOT_LIBRARY&lt;/nobr&gt;, die Vorrang vor dieser Einstellung haben)</translation>
    </message>
    <message>
        <source>Open now: {folder}</source>
        <translation>Jetzt geöffnet: {folder}</translation>
    </message>
    <message>
        <source>Watch imported folders and import changes automatically</source>
        <translation>Importierte Ordner überwachen und Änderungen automatisch importieren</translation>
    </message>
    <message>
        <source>New photos are imported, and moved or deleted ones followed, while Beetroot runs. File › Sync Library looks at every imported folder now.</source>
        <translation>Neue Fotos werden importiert und verschobene oder gelöschte nachverfolgt, solange Beetroot läuft. Datei › Bibliothek synchronisieren prüft sofort jeden importierten Ordner.</translation>
    </message>
    <message>
        <source>Keep XMP sidecars up to date as names change</source>
        <translation>XMP-Begleitdateien bei Namensänderungen aktuell halten</translation>
    </message>
    <message>
        <source>After each edit that changes names (a rename, a merge, a face added, an answer in Review, an undo), the XMP sidecars of the photos concerned get the new names, for other photo tools to read. Photos are never modified. File › Export Names to XMP… writes them all once.</source>
        <translation>Nach jeder Bearbeitung, die Namen ändert (Umbenennen, Zusammenführen, ein hinzugefügtes Gesicht, eine Antwort in Überprüfen, Rückgängig), erhalten die XMP-Begleitdateien der betroffenen Fotos die neuen Namen, damit andere Fotoprogramme sie lesen können. Fotos werden nie verändert. Datei › Namen in XMP exportieren… schreibt sie alle einmalig.</translation>
    </message>
    <message>
        <source>photo.jpg.xmp (digiKam, darktable)</source>
        <translation>foto.jpg.xmp (digiKam, darktable)</translation>
    </message>
    <message>
        <source>photo.xmp (Lightroom, Adobe)</source>
        <translation>foto.xmp (Lightroom, Adobe)</translation>
    </message>
    <message>
        <source>The sidecar name written beside each photo</source>
        <translation>Der Name der Begleitdatei, die neben jedes Foto geschrieben wird</translation>
    </message>
    <message>
        <source>Sidecar name:</source>
        <translation>Name der Begleitdatei:</translation>
    </message>
    <message>
        <source>Give the full path of a folder</source>
        <translation>Geben Sie den vollständigen Pfad eines Ordners an</translation>
    </message>
    <message>
        <source>Beetroot cannot write in {folder}</source>
        <translation>Beetroot kann nicht in {folder} schreiben</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>System follows the desktop's light or dark setting</source>
        <translation>„System“ folgt der hellen oder dunklen Einstellung des Desktops</translation>
    </message>
    <message>
        <source>Appearance:</source>
        <translation>Erscheinungsbild:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>The language changes the next time Beetroot starts.</source>
        <translation>Die Sprache ändert sich beim nächsten Start von Beetroot.</translation>
    </message>
    <message>
        <source>Missing photos</source>
        <translation>Fehlende Fotos</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>The arrow keys move between the sections; the page follows.</source>
        <translation>Die Pfeiltasten wechseln zwischen den Bereichen; die Seite folgt.</translation>
    </message>
    <message>
        <source>Library: {path}</source>
        <translation>Bibliothek: {path}</translation>
    </message>
    <message>
        <source>{section}: {count}</source>
        <translation>{section}: {count}</translation>
    </message>
    <message>
        <source>Drop to import</source>
        <translation>Zum Importieren ablegen</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln new photo(s)</source>
        <translation>
            <numerusform>%Ln neues Foto</numerusform>
            <numerusform>%Ln neue Fotos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s) moved</source>
        <translation>
            <numerusform>%Ln Foto verschoben</numerusform>
            <numerusform>%Ln Fotos verschoben</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline photos are on a folder or drive that is not connected: they stay with their people and come back when it is. Missing photos are gone from their folder: if you moved them, Locate… the folder they are in now; if you deleted them on purpose, remove them from the library.</source>
        <translation>Offline-Fotos liegen in einem Ordner oder auf einem Laufwerk, der bzw. das nicht verbunden ist: Sie bleiben bei ihren Personen und kehren zurück, sobald die Verbindung wieder besteht. Fehlende Fotos sind nicht mehr in ihrem Ordner: Wenn Sie sie verschoben haben, wählen Sie mit „Suchen…“ den Ordner, in dem sie jetzt liegen; wenn Sie sie absichtlich gelöscht haben, entfernen Sie sie aus der Bibliothek.</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Fehlt</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>The file is gone from its folder</source>
        <translation>Die Datei ist nicht mehr in ihrem Ordner</translation>
    </message>
    <message>
        <source>On {folder}, which is not connected</source>
        <translation>Auf {folder}, das nicht verbunden ist</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>{file}, {status}</source>
        <translation>{file}, {status}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln face(s), in {folder}</source>
        <translation>
            <numerusform>%Ln Gesicht, in {folder}</numerusform>
            <numerusform>%Ln Gesichter, in {folder}</numerusform>
        </translation>
    </message>
    <message>
        <source>Locate…</source>
        <translation>Suchen…</translation>
    </message>
    <message>
        <source>Choose the folder the missing photos are in now: they are found there by their content, with their faces and people</source>
        <translation>Wählen Sie den Ordner, in dem die fehlenden Fotos jetzt liegen: Sie werden dort an ihrem Inhalt erkannt, mit ihren Gesichtern und Personen</translation>
    </message>
    <message>
        <source>Remove from Library</source>
        <translation>Aus der Bibliothek entfernen</translation>
    </message>
    <message>
        <source>Take the selected photos and their faces out of the library; the files are not touched</source>
        <translation>Die ausgewählten Fotos und ihre Gesichter aus der Bibliothek entfernen; die Dateien bleiben unverändert</translation>
    </message>
    <message>
        <source>Nothing is missing</source>
        <translation>Nichts fehlt</translation>
    </message>
    <message>
        <source>Every photo in the library is where Beetroot found it.</source>
        <translation>Jedes Foto der Bibliothek ist dort, wo Beetroot es gefunden hat.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s) missing</source>
        <translation>
            <numerusform>%Ln Foto fehlt</numerusform>
            <numerusform>%Ln Fotos fehlen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s) offline</source>
        <translation>
            <numerusform>%Ln Foto offline</numerusform>
            <numerusform>%Ln Fotos offline</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %Ln Photo(s) from Library</source>
        <translation>
            <numerusform>%Ln Foto aus der Bibliothek entfernen</numerusform>
            <numerusform>%Ln Fotos aus der Bibliothek entfernen</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the photos to remove first</source>
        <translation>Wählen Sie zuerst die Fotos aus, die entfernt werden sollen</translation>
    </message>
    <message numerus="yes">
        <source>Remove %Ln photo(s) and its(their) {faces} from the library?</source>
        <translation>
            <numerusform>%Ln Foto und seine {faces} aus der Bibliothek entfernen?</numerusform>
            <numerusform>%Ln Fotos und ihre {faces} aus der Bibliothek entfernen?</numerusform>
        </translation>
    </message>
    <message>
        <source>The photo files are not touched: nothing is deleted from your disk. People left with no photos go too. Importing the photos again brings them back.</source>
        <translation>Die Fotodateien bleiben unverändert: Nichts wird von Ihrem Datenträger gelöscht. Personen, die danach keine Fotos mehr haben, werden ebenfalls entfernt. Wenn Sie die Fotos erneut importieren, kehren sie zurück.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s) back</source>
        <translation>
            <numerusform>%Ln Foto wieder da</numerusform>
            <numerusform>%Ln Fotos wieder da</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) could not be imported</source>
        <translation>
            <numerusform>%Ln Datei konnte nicht importiert werden</numerusform>
            <numerusform>%Ln Dateien konnten nicht importiert werden</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync of the library</source>
        <translation>Synchronisierung der Bibliothek</translation>
    </message>
    <message numerus="yes">
        <source>Sync of {folders} and %Ln more</source>
        <translation>
            <numerusform>Synchronisierung von {folders} und %Ln weiteren</numerusform>
            <numerusform>Synchronisierung von {folders} und %Ln weiteren</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync of {folders}</source>
        <translation>Synchronisierung von {folders}</translation>
    </message>
    <message>
        <source>Every imported folder</source>
        <translation>Jeder importierte Ordner</translation>
    </message>
    <message>
        <source>&amp;Cancel Sync</source>
        <translation>Synchronisierung abbre&amp;chen</translation>
    </message>
    <message>
        <source>Cancelling the sync…</source>
        <translation>Synchronisierung wird abgebrochen…</translation>
    </message>
    <message>
        <source>your imported folders</source>
        <translation>Ihre importierten Ordner</translation>
    </message>
    <message numerus="yes">
        <source>%Ln folder(s)</source>
        <translation>
            <numerusform>%Ln Ordner</numerusform>
            <numerusform>%Ln Ordner</numerusform>
        </translation>
    </message>
    <message>
        <source>Library synced: {changes}</source>
        <translation>Bibliothek synchronisiert: {changes}</translation>
    </message>
    <message>
        <source>nothing changed</source>
        <translation>nichts geändert</translation>
    </message>
    <message>
        <source>Synced {folders}: nothing changed</source>
        <translation>{folders} synchronisiert: nichts geändert</translation>
    </message>
    <message>
        <source>Picked up {new_photos} in {folders}{more_changes}</source>
        <translation>{new_photos} in {folders} aufgenommen{more_changes}</translation>
    </message>
    <message>
        <source>Picked up changes in {folders}: {changes}</source>
        <translation>Änderungen in {folders} aufgenommen: {changes}</translation>
    </message>
    <message>
        <source>{job}: waiting (another program is importing)</source>
        <translation>{job}: wartet (ein anderes Programm importiert)</translation>
    </message>
    <message>
        <source>{job}: cancelled</source>
        <translation>{job}: abgebrochen</translation>
    </message>
    <message>
        <source>{job}: paused: {reason}</source>
        <translation>{job}: pausiert: {reason}</translation>
    </message>
    <message>
        <source>{job}: {changes} ({seconds} s)</source>
        <translation>{job}: {changes} ({seconds} s)</translation>
    </message>
    <message>
        <source>Sync cancelled: the folders are looked at again at the next change or sync</source>
        <translation>Synchronisierung abgebrochen: Die Ordner werden bei der nächsten Änderung oder Synchronisierung erneut durchsucht</translation>
    </message>
    <message>
        <source>The sync stopped: {reason}.</source>
        <translation>Die Synchronisierung wurde angehalten: {reason}.</translation>
    </message>
    <message>
        <source>Add face</source>
        <translation>Gesicht hinzufügen</translation>
    </message>
    <message>
        <source>Who is this? Type a name, or leave it empty: Beetroot then matches the face with the people it knows, as an import would, and makes it a new person when it matches no one.</source>
        <translation>Wer ist das? Geben Sie einen Namen ein oder lassen Sie das Feld leer: Beetroot ordnet das Gesicht dann wie bei einem Import den bekannten Personen zu und macht daraus eine neue Person, wenn es zu niemandem passt.</translation>
    </message>
    <message>
        <source>Name (empty: let Beetroot match the face)</source>
        <translation>Name (leer: Beetroot ordnet das Gesicht zu)</translation>
    </message>
    <message>
        <source>Add Face</source>
        <translation>Gesicht hinzufügen</translation>
    </message>
    <message numerus="yes">
        <source>{name} (%Ln photo(s))</source>
        <translation>
            <numerusform>{name} (%Ln Foto)</numerusform>
            <numerusform>{name} (%Ln Fotos)</numerusform>
        </translation>
    </message>
    <message>
        <source>No one is called “{name}”. Leave the name empty to let Beetroot match the face (or make it a new person), then rename that person.</source>
        <translation>Niemand heißt „{name}“. Lassen Sie den Namen leer, damit Beetroot das Gesicht zuordnet (oder eine neue Person daraus macht), und benennen Sie diese Person dann um.</translation>
    </message>
    <message>
        <source>Export photos</source>
        <translation>Fotos exportieren</translation>
    </message>
    <message numerus="yes">
        <source>Copy the %Ln photo(s) of &lt;b&gt;{name}&lt;/b&gt; into a folder. The originals are not touched; files already there are kept, and exporting again adds only what is new.</source>
        <translation>
            <numerusform>Das %Ln Foto von &lt;b&gt;{name}&lt;/b&gt; in einen Ordner kopieren. Die Originale bleiben unverändert; bereits vorhandene Dateien bleiben erhalten, und ein erneuter Export fügt nur Neues hinzu.</numerusform>
            <numerusform>Die %Ln Fotos von &lt;b&gt;{name}&lt;/b&gt; in einen Ordner kopieren. Die Originale bleiben unverändert; bereits vorhandene Dateien bleiben erhalten, und ein erneuter Export fügt nur Neues hinzu.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>Exportordner</translation>
    </message>
    <message>
        <source>Choose the export folder</source>
        <translation>Exportordner auswählen</translation>
    </message>
    <message>
        <source>Make links instead of copies (no extra room; hard links on the same drive)</source>
        <translation>Verknüpfungen statt Kopien anlegen (kein zusätzlicher Platz; harte Links auf demselben Laufwerk)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export to this folder</source>
        <translation>In diesen Ordner exportieren</translation>
    </message>
    <message>
        <source>Choose a folder (its full path)</source>
        <translation>Wählen Sie einen Ordner (mit vollständigem Pfad)</translation>
    </message>
    <message>
        <source>Export names to XMP</source>
        <translation>Namen in XMP exportieren</translation>
    </message>
    <message>
        <source>Write the name of every named face into an XMP sidecar beside its photo (face regions and “person in image”), where digiKam, Lightroom, darktable and other photo tools read them. Photos are never modified; what else a sidecar holds is kept.</source>
        <translation>Den Namen jedes benannten Gesichts in eine XMP-Begleitdatei neben seinem Foto schreiben (Gesichtsbereiche und „Person im Bild“), wo digiKam, Lightroom, darktable und andere Fotoprogramme sie lesen. Fotos werden nie verändert; was eine Begleitdatei sonst enthält, bleibt erhalten.</translation>
    </message>
    <message>
        <source>photo.xmp (Lightroom and other Adobe tools)</source>
        <translation>foto.xmp (Lightroom und andere Adobe-Programme)</translation>
    </message>
    <message>
        <source>Settings › General can keep the sidecars up to date as names change.</source>
        <translation>Einstellungen › Allgemein kann die Begleitdateien aktuell halten, wenn sich Namen ändern.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln face(s) in {photos}, with their face descriptors and face thumbnails;</source>
        <translation>
            <numerusform>%Ln Gesicht auf {photos}, mit seinen Gesichtsmerkmalen und Gesichtsminiaturen;</numerusform>
            <numerusform>%Ln Gesichter auf {photos}, mit ihren Gesichtsmerkmalen und Gesichtsminiaturen;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the person and the name “{name}”, and the %Ln person(s) merged into it;</source>
        <translation>
            <numerusform>die Person und den Namen „{name}“ sowie die %Ln mit ihr zusammengeführte Person;</numerusform>
            <numerusform>die Person und den Namen „{name}“ sowie die %Ln mit ihr zusammengeführten Personen;</numerusform>
        </translation>
    </message>
    <message>
        <source>the person and the name “{name}”;</source>
        <translation>die Person und den Namen „{name}“;</translation>
    </message>
    <message numerus="yes">
        <source>the person, and the %Ln person(s) merged into it;</source>
        <translation>
            <numerusform>die Person sowie die %Ln mit ihr zusammengeführte Person;</numerusform>
            <numerusform>die Person sowie die %Ln mit ihr zusammengeführten Personen;</numerusform>
        </translation>
    </message>
    <message>
        <source>the person;</source>
        <translation>die Person;</translation>
    </message>
    <message numerus="yes">
        <source>their %Ln face(s) in the Amazon Rekognition collection {collection};</source>
        <translation>
            <numerusform>ihr %Ln Gesicht in der Amazon-Rekognition-Sammlung {collection};</numerusform>
            <numerusform>ihre %Ln Gesichter in der Amazon-Rekognition-Sammlung {collection};</numerusform>
        </translation>
    </message>
    <message>
        <source>the edits in the undo history that mention them.</source>
        <translation>die Änderungen im Rückgängig-Verlauf, die sie betreffen.</translation>
    </message>
    <message>
        <source>Forgetting &lt;b&gt;{name}&lt;/b&gt; deletes, for good:{list}The photos stay, in the library and on disk. &lt;b&gt;This cannot be undone.&lt;/b&gt;</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; zu vergessen löscht endgültig:{list}Die Fotos bleiben, in der Bibliothek und auf dem Datenträger. &lt;b&gt;Dies kann nicht rückgängig gemacht werden.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Forget person</source>
        <translation>Person vergessen</translation>
    </message>
    <message>
        <source>Forget {name}</source>
        <translation>{name} vergessen</translation>
    </message>
    <message numerus="yes">
        <source>Signed in as {account}. Deleting the Amazon Rekognition collection &lt;b&gt;{collection}&lt;/b&gt; in {region} deletes the %Ln face(s) it holds, for good, for every library that uses it. The photos and the libraries stay (their people, names and groups), but new photos can no longer be matched to the people they hold. &lt;b&gt;This cannot be undone.&lt;/b&gt;</source>
        <translation>
            <numerusform>Angemeldet als {account}. Das Löschen der Amazon-Rekognition-Sammlung &lt;b&gt;{collection}&lt;/b&gt; in {region} löscht das %Ln Gesicht darin endgültig, für jede Bibliothek, die sie verwendet. Die Fotos und die Bibliotheken bleiben (mit ihren Personen, Namen und Gruppen), aber neue Fotos können den Personen darin nicht mehr zugeordnet werden. &lt;b&gt;Dies kann nicht rückgängig gemacht werden.&lt;/b&gt;</numerusform>
            <numerusform>Angemeldet als {account}. Das Löschen der Amazon-Rekognition-Sammlung &lt;b&gt;{collection}&lt;/b&gt; in {region} löscht die %Ln Gesichter darin endgültig, für jede Bibliothek, die sie verwendet. Die Fotos und die Bibliotheken bleiben (mit ihren Personen, Namen und Gruppen), aber neue Fotos können den Personen darin nicht mehr zugeordnet werden. &lt;b&gt;Dies kann nicht rückgängig gemacht werden.&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed in as {account}. Deleting the Amazon Rekognition collection &lt;b&gt;{collection}&lt;/b&gt; in {region} deletes every face in it, for good, for every library that uses it. The photos and the libraries stay (their people, names and groups), but new photos can no longer be matched to the people they hold. &lt;b&gt;This cannot be undone.&lt;/b&gt;</source>
        <translation>Angemeldet als {account}. Das Löschen der Amazon-Rekognition-Sammlung &lt;b&gt;{collection}&lt;/b&gt; in {region} löscht jedes Gesicht darin endgültig, für jede Bibliothek, die sie verwendet. Die Fotos und die Bibliotheken bleiben (mit ihren Personen, Namen und Gruppen), aber neue Fotos können den Personen darin nicht mehr zugeordnet werden. &lt;b&gt;Dies kann nicht rückgängig gemacht werden.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Delete cloud collection</source>
        <translation>Cloud-Sammlung löschen</translation>
    </message>
    <message>
        <source>Delete Collection</source>
        <translation>Sammlung löschen</translation>
    </message>
    <message>
        <source>Skipped {path}: {reason}</source>
        <translation>{path} übersprungen: {reason}</translation>
    </message>
    <message>
        <source>{text}; {count} skipped (listed in Activity)</source>
        <translation>{text}; {count} übersprungen (in „Aktivität“ aufgelistet)</translation>
    </message>
    <message>
        <source>Export of names to XMP sidecars (photo.{convention})</source>
        <translation>Export der Namen in XMP-Begleitdateien (photo.{convention})</translation>
    </message>
    <message>
        <source>Cancelling the XMP export…</source>
        <translation>Der XMP-Export wird abgebrochen …</translation>
    </message>
    <message>
        <source>The XMP export could not run: {message}</source>
        <translation>Der XMP-Export konnte nicht ausgeführt werden: {message}</translation>
    </message>
    <message>
        <source>XMP export cancelled: the sidecars already written stay</source>
        <translation>XMP-Export abgebrochen: Die bereits geschriebenen Begleitdateien bleiben erhalten</translation>
    </message>
    <message>
        <source>Wrote {sidecars} ({faces}); {unchanged} already up to date</source>
        <translation>{sidecars} geschrieben ({faces}); {unchanged} bereits aktuell</translation>
    </message>
    <message numerus="yes">
        <source>%Ln XMP sidecar(s)</source>
        <translation>
            <numerusform>%Ln XMP-Begleitdatei</numerusform>
            <numerusform>%Ln XMP-Begleitdateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln named face(s)</source>
        <translation>
            <numerusform>%Ln benanntes Gesicht</numerusform>
            <numerusform>%Ln benannte Gesichter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln sidecar(s) could not be written, for example {path}: {reason}. Activity lists them all.</source>
        <translation>
            <numerusform>%Ln Begleitdatei konnte nicht geschrieben werden, zum Beispiel {path}: {reason}. „Aktivität“ listet sie alle auf.</numerusform>
            <numerusform>%Ln Begleitdateien konnten nicht geschrieben werden, zum Beispiel {path}: {reason}. „Aktivität“ listet sie alle auf.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export of the photos of {name} to {folder}</source>
        <translation>Export der Fotos von {name} nach {folder}</translation>
    </message>
    <message>
        <source>&amp;Cancel Export</source>
        <translation>Export abbre&amp;chen</translation>
    </message>
    <message>
        <source>Cancelling the export…</source>
        <translation>Der Export wird abgebrochen …</translation>
    </message>
    <message>
        <source>Export cancelled: the photos already in the folder stay</source>
        <translation>Export abgebrochen: Die bereits im Ordner liegenden Fotos bleiben erhalten</translation>
    </message>
    <message numerus="yes">
        <source>Linked %Ln photo(s) of {name} to {folder}</source>
        <translation>
            <numerusform>%Ln Foto von {name} nach {folder} verknüpft</numerusform>
            <numerusform>%Ln Fotos von {name} nach {folder} verknüpft</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln photo(s) of {name} to {folder}</source>
        <translation>
            <numerusform>%Ln Foto von {name} nach {folder} kopiert</numerusform>
            <numerusform>%Ln Fotos von {name} nach {folder} kopiert</numerusform>
        </translation>
    </message>
    <message>
        <source>{text} ({count} already there)</source>
        <translation>{text} ({count} bereits vorhanden)</translation>
    </message>
    <message>
        <source>{text}. The export stopped: {error}</source>
        <translation>{text}. Der Export wurde angehalten: {error}</translation>
    </message>
    <message>
        <source>The photos of {name} could not be exported: {message}</source>
        <translation>Die Fotos von {name} konnten nicht exportiert werden: {message}</translation>
    </message>
    <message>
        <source>Forgetting {name}</source>
        <translation>{name} wird vergessen</translation>
    </message>
    <message>
        <source>Cancelling forgetting…</source>
        <translation>Das Vergessen wird abgebrochen …</translation>
    </message>
    <message numerus="yes">
        <source>%Ln face(s) with their descriptors</source>
        <translation>
            <numerusform>%Ln Gesicht mit seinen Merkmalen</numerusform>
            <numerusform>%Ln Gesichter mit ihren Merkmalen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln face thumbnail(s)</source>
        <translation>
            <numerusform>%Ln Gesichtsminiatur</numerusform>
            <numerusform>%Ln Gesichtsminiaturen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln face(s) in the cloud collection</source>
        <translation>
            <numerusform>%Ln Gesicht in der Cloud-Sammlung</numerusform>
            <numerusform>%Ln Gesichter in der Cloud-Sammlung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln edit(s) of the undo history</source>
        <translation>
            <numerusform>%Ln Bearbeitung aus dem Rückgängig-Verlauf</numerusform>
            <numerusform>%Ln Bearbeitungen aus dem Rückgängig-Verlauf</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Forgot {name}: deleted {items}. The %Ln photo(s) [stays|stay].</source>
        <translation>
            <numerusform>{name} vergessen: {items} gelöscht. Das %Ln Foto bleibt erhalten.</numerusform>
            <numerusform>{name} vergessen: {items} gelöscht. Die %Ln Fotos bleiben erhalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} could not be forgotten: {message}. Nothing was deleted.</source>
        <translation>{name} konnte nicht vergessen werden: {message}. Es wurde nichts gelöscht.</translation>
    </message>
    <message>
        <source>Deleting the Amazon Rekognition collection {collection}</source>
        <translation>Die Amazon-Rekognition-Sammlung {collection} wird gelöscht</translation>
    </message>
    <message>
        <source>Cancelling deleting the collection…</source>
        <translation>Das Löschen der Sammlung wird abgebrochen …</translation>
    </message>
    <message>
        <source>The collection {collection} was already gone: nothing was deleted</source>
        <translation>Die Sammlung {collection} war bereits entfernt: Es wurde nichts gelöscht</translation>
    </message>
    <message>
        <source>Deleted the Amazon Rekognition collection {collection} and every face in it</source>
        <translation>Die Amazon-Rekognition-Sammlung {collection} und alle Gesichter darin wurden gelöscht</translation>
    </message>
    <message>
        <source>The collection {collection} could not be deleted: {message}. Nothing was deleted.</source>
        <translation>Die Sammlung {collection} konnte nicht gelöscht werden: {message}. Es wurde nichts gelöscht.</translation>
    </message>
    <message>
        <source>Libraries that used the collection keep their photos, people, names and groups, but new photos can no longer be matched to the people they hold. To go on with Amazon Rekognition, create a collection in Settings (Test connection, then Create collection): new faces then start new people, which you can merge into the ones you know.</source>
        <translation>Bibliotheken, die die Sammlung verwendet haben, behalten ihre Fotos, Personen, Namen und Gruppen, aber neue Fotos können den darin enthaltenen Personen nicht mehr zugeordnet werden. Um mit Amazon Rekognition weiterzuarbeiten, erstellen Sie in den Einstellungen eine Sammlung (Verbindung testen, dann Sammlung erstellen): Neue Gesichter bilden dann neue Personen, die Sie mit den bekannten zusammenführen können.</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Nothing to sync yet: import a folder first</source>
        <translation>Noch nichts zu synchronisieren: Importieren Sie zuerst einen Ordner</translation>
    </message>
    <message>
        <source>The library is synced once the current job is done</source>
        <translation>Die Bibliothek wird synchronisiert, sobald die laufende Aufgabe fertig ist</translation>
    </message>
    <message>
        <source>Some imported folders are not watched for changes: {problem}. File › Sync Library (F5) looks at every folder now.</source>
        <translation>Einige importierte Ordner werden nicht auf Änderungen überwacht: {problem}. Datei › Bibliothek synchronisieren (F5) durchsucht jetzt jeden Ordner.</translation>
    </message>
    <message>
        <source>Locate: choose the folder the missing photos are in now</source>
        <translation>Suchen: Wählen Sie den Ordner, in dem die fehlenden Fotos jetzt liegen</translation>
    </message>
    <message>
        <source>Wait for the regroup to finish, or cancel it</source>
        <translation>Warten Sie, bis das Neugruppieren fertig ist, oder brechen Sie es ab</translation>
    </message>
    <message>
        <source>&amp;Undo {edit}</source>
        <translation>&amp;Rückgängig: {edit}</translation>
    </message>
    <message>
        <source>&amp;Redo {edit}</source>
        <translation>&amp;Wiederholen: {edit}</translation>
    </message>
    <message>
        <source>Undo “{edit}”</source>
        <translation>„{edit}“ rückgängig machen</translation>
    </message>
    <message>
        <source>Redo “{edit}”</source>
        <translation>„{edit}“ wiederholen</translation>
    </message>
    <message>
        <source>Import a folder of photos</source>
        <translation>Einen Ordner mit Fotos importieren</translation>
    </message>
    <message>
        <source>Photos ({patterns})</source>
        <translation>Fotos ({patterns})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message numerus="yes">
        <source>Queued: %Ln item(s) will be imported after the current import</source>
        <translation>
            <numerusform>In der Warteschlange: %Ln Element wird nach dem laufenden Import importiert</numerusform>
            <numerusform>In der Warteschlange: %Ln Elemente werden nach dem laufenden Import importiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{status} · %Ln more queued</source>
        <translation>
            <numerusform>{status} · %Ln weiterer wartet</numerusform>
            <numerusform>{status} · %Ln weitere warten</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Resume Import</source>
        <translation>&amp;Import fortsetzen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) could not be imported. The import goes on.</source>
        <translation>
            <numerusform>%Ln Datei konnte nicht importiert werden. Der Import läuft weiter.</numerusform>
            <numerusform>%Ln Dateien konnten nicht importiert werden. Der Import läuft weiter.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) could not be imported.</source>
        <translation>
            <numerusform>%Ln Datei konnte nicht importiert werden.</numerusform>
            <numerusform>%Ln Dateien konnten nicht importiert werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Show Details</source>
        <translation>Details anzeigen</translation>
    </message>
    <message>
        <source>Select the faces first</source>
        <translation>Wählen Sie zuerst die Gesichter aus</translation>
    </message>
    <message>
        <source>Select two or more people (Ctrl+click), then People › Photos Together</source>
        <translation>Wählen Sie zwei oder mehr Personen aus (Strg+Klick), dann Personen › Gemeinsame Fotos</translation>
    </message>
    <message>
        <source>Open a person, or select one in People, to export their photos</source>
        <translation>Öffnen Sie eine Person oder wählen Sie eine unter Personen aus, um ihre Fotos zu exportieren</translation>
    </message>
    <message>
        <source>Open a person, or select one in People, to forget them</source>
        <translation>Öffnen Sie eine Person oder wählen Sie eine unter Personen aus, um sie zu vergessen</translation>
    </message>
    <message>
        <source>That person is no longer in the library</source>
        <translation>Diese Person ist nicht mehr in der Bibliothek</translation>
    </message>
    <message>
        <source>Asking Amazon Rekognition about the collection {collection}…</source>
        <translation>Amazon Rekognition wird zur Sammlung {collection} befragt…</translation>
    </message>
    <message>
        <source>The collection {collection} does not exist: nothing to delete.</source>
        <translation>Die Sammlung {collection} existiert nicht: nichts zu löschen.</translation>
    </message>
    <message>
        <source>The collection cannot be deleted now: {error}</source>
        <translation>Die Sammlung kann jetzt nicht gelöscht werden: {error}</translation>
    </message>
    <message numerus="yes">
        <source>Updated %Ln XMP sidecar(s)</source>
        <translation>
            <numerusform>%Ln XMP-Begleitdatei aktualisiert</numerusform>
            <numerusform>%Ln XMP-Begleitdateien aktualisiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{updated}; %Ln could not be written (listed in Activity)</source>
        <translation>
            <numerusform>{updated}; %Ln konnte nicht geschrieben werden (in Aktivität aufgeführt)</numerusform>
            <numerusform>{updated}; %Ln konnten nicht geschrieben werden (in Aktivität aufgeführt)</numerusform>
        </translation>
    </message>
    <message>
        <source>the AWS session could not be made: {error}</source>
        <translation>die AWS-Sitzung konnte nicht hergestellt werden: {error}</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Zurück (Esc)</translation>
    </message>
    <message>
        <source>Only these people</source>
        <translation>Nur diese Personen</translation>
    </message>
    <message>
        <source>Leave out the photos in which anyone else appears too (faces that belong to no one do not count)</source>
        <translation>Fotos weglassen, auf denen auch jemand anderes zu sehen ist (Gesichter, die niemandem gehören, zählen nicht)</translation>
    </message>
    <message>
        <source>No photos together</source>
        <translation>Keine gemeinsamen Fotos</translation>
    </message>
    <message>
        <source>Photos of {names} together</source>
        <translation>Gemeinsame Fotos von {names}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s) together, no one else</source>
        <translation>
            <numerusform>%Ln gemeinsames Foto, sonst niemand</numerusform>
            <numerusform>%Ln gemeinsame Fotos, sonst niemand</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s) together</source>
        <translation>
            <numerusform>%Ln gemeinsames Foto</numerusform>
            <numerusform>%Ln gemeinsame Fotos</numerusform>
        </translation>
    </message>
    <message>
        <source>No photo shows {names} with no one else.</source>
        <translation>Kein Foto zeigt {names} ohne jemand anderen.</translation>
    </message>
    <message>
        <source>No photo shows {names} together.</source>
        <translation>Kein Foto zeigt {names} zusammen.</translation>
    </message>
    <message>
        <source>Photo viewer</source>
        <translation>Fotoansicht</translation>
    </message>
    <message>
        <source>This photo cannot be shown: {error}</source>
        <translation>Dieses Foto kann nicht angezeigt werden: {error}</translation>
    </message>
    <message>
        <source>No face added</source>
        <translation>Kein Gesicht hinzugefügt</translation>
    </message>
    <message>
        <source>Unknown face</source>
        <translation>Unbekanntes Gesicht</translation>
    </message>
    <message>
        <source>Photo {position} of {count}</source>
        <translation>Foto {position} von {count}</translation>
    </message>
    <message>
        <source>Enter opens the person</source>
        <translation>Eingabe öffnet die Person</translation>
    </message>
    <message>
        <source>Face {number} of {count}. {more}.</source>
        <translation>Gesicht {number} von {count}. {more}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln face(s): {names}</source>
        <translation>
            <numerusform>%Ln Gesicht: {names}</numerusform>
            <numerusform>%Ln Gesichter: {names}</numerusform>
        </translation>
    </message>
    <message>
        <source>no faces found</source>
        <translation>keine Gesichter gefunden</translation>
    </message>
    <message>
        <source>Face {number} of {count} in {file}: {name}</source>
        <translation>Gesicht {number} von {count} in {file}: {name}</translation>
    </message>
    <message>
        <source>{position} of {count}</source>
        <translation>{position} von {count}</translation>
    </message>
    <message>
        <source>← → browse</source>
        <translation>← → blättern</translation>
    </message>
    <message>
        <source>click a face to open the person</source>
        <translation>Gesicht anklicken öffnet die Person</translation>
    </message>
    <message>
        <source>drag a box to add a face</source>
        <translation>Rahmen ziehen fügt ein Gesicht hinzu</translation>
    </message>
    <message>
        <source>Tab steps through the faces</source>
        <translation>Tab wechselt zwischen den Gesichtern</translation>
    </message>
    <message>
        <source>Esc back</source>
        <translation>Esc zurück</translation>
    </message>
    <message>
        <source>Face {number} of {count}: {name}</source>
        <translation>Gesicht {number} von {count}: {name}</translation>
    </message>
    <message>
        <source>Enter shows what to do with it</source>
        <translation>Eingabe zeigt, was damit möglich ist</translation>
    </message>
    <message>
        <source>Tab: next face</source>
        <translation>Tab: nächstes Gesicht</translation>
    </message>
    <message>
        <source>Drag a box around the face, or move it with the arrows (Shift: size)</source>
        <translation>Ziehen Sie einen Rahmen um das Gesicht oder verschieben Sie ihn mit den Pfeiltasten (Umschalt: Größe)</translation>
    </message>
    <message>
        <source>Enter keeps it</source>
        <translation>Eingabe übernimmt ihn</translation>
    </message>
    <message>
        <source>Esc cancels</source>
        <translation>Esc bricht ab</translation>
    </message>
    <message>
        <source>Add a Face…</source>
        <translation>Gesicht hinzufügen…</translation>
    </message>
    <message>
        <source>Open {name}</source>
        <translation>{name} öffnen</translation>
    </message>
    <message>
        <source>Ignore this face (a stranger)</source>
        <translation>Dieses Gesicht ignorieren (ein Fremder)</translation>
    </message>
    <message numerus="yes">
        <source>That box is too small for a face (at least %Ln pixel(s) of the photo)</source>
        <translation>
            <numerusform>Dieser Rahmen ist zu klein für ein Gesicht (mindestens %Ln Pixel des Fotos)</numerusform>
            <numerusform>Dieser Rahmen ist zu klein für ein Gesicht (mindestens %Ln Pixel des Fotos)</numerusform>
        </translation>
    </message>
    <message>
        <source>Arrow keys move between people, Enter opens a person, F2 renames, the Menu key shows more; Ctrl+M merges the selected people</source>
        <translation>Pfeiltasten wechseln zwischen Personen, Eingabe öffnet eine Person, F2 benennt um, die Menütaste zeigt mehr; Strg+M führt die ausgewählten Personen zusammen</translation>
    </message>
    <message>
        <source>Arrow keys move between people, Enter chooses one</source>
        <translation>Pfeiltasten wechseln zwischen Personen, Eingabe wählt eine aus</translation>
    </message>
    <message>
        <source>{problems}

Saving the Settings dialog writes the settings file again and keeps the old one beside it as {name}.invalid.</source>
        <translation>{problems}

Wenn Sie die Einstellungen speichern, wird die Einstellungsdatei neu geschrieben; die alte bleibt daneben als {name}.invalid erhalten.</translation>
    </message>
    <message>
        <source>The settings file {path} could not be used: {problem}.</source>
        <translation>Die Einstellungsdatei {path} konnte nicht verwendet werden: {problem}.</translation>
    </message>
    <message>
        <source>In the settings file {path}, {problem}.</source>
        <translation>In der Einstellungsdatei {path}: {problem}.</translation>
    </message>
    <message>
        <source>{problem}

Beetroot uses the default for what cannot be used; the other settings are as saved.</source>
        <translation>{problem}

Beetroot verwendet für alles, was nicht verwendet werden kann, den Standardwert; die übrigen Einstellungen gelten wie gespeichert.</translation>
    </message>
    <message>
        <source>kept in {person}: the photo's metadata says otherwise</source>
        <translation>in {person} belassen: Die Metadaten des Fotos sagen etwas anderes</translation>
    </message>
    <message>
        <source>the person you chose</source>
        <translation>der von Ihnen gewählten Person</translation>
    </message>
    <message>
        <source>{name} is already another face of this photo</source>
        <translation>{name} ist bereits ein anderes Gesicht dieses Fotos</translation>
    </message>
    <message>
        <source>the person changed since it was shown ({now} faces now, not {then}); nothing was deleted: forget it again</source>
        <translation>die Person hat sich geändert, seit sie angezeigt wurde (jetzt {now} Gesichter, nicht {then}); es wurde nichts gelöscht: vergessen Sie sie erneut</translation>
    </message>
    <message>
        <source>the library file could not be rebuilt ({error}): what was deleted is overwritten, but copies earlier edits left in its free space stay until it is (the next forget tries again)</source>
        <translation>die Bibliotheksdatei konnte nicht neu aufgebaut werden ({error}): Was gelöscht wurde, ist überschrieben, aber Kopien, die frühere Änderungen in ihrem freien Speicher hinterlassen haben, bleiben, bis das gelingt (das nächste Vergessen versucht es erneut)</translation>
    </message>
    <message>
        <source>another Beetroot window or command has the library open: the file keeps old copies of the deleted data until that one closes</source>
        <translation>ein anderes Beetroot-Fenster oder ein Befehl hat die Bibliothek geöffnet: Die Datei behält alte Kopien der gelöschten Daten, bis es geschlossen wird</translation>
    </message>
    <message>
        <source>another Beetroot window or command is importing into this library; wait for it to finish</source>
        <translation>ein anderes Beetroot-Fenster oder ein Befehl importiert gerade in diese Bibliothek; warten Sie, bis der Import beendet ist</translation>
    </message>
    <message>
        <source>cannot create the import lock {path}: {error}</source>
        <translation>die Importsperre {path} kann nicht angelegt werden: {error}</translation>
    </message>
    <message>
        <source>cannot lock {path}: {error}</source>
        <translation>{path} kann nicht gesperrt werden: {error}</translation>
    </message>
    <message>
        <source>a name cannot hold control characters</source>
        <translation>ein Name darf keine Steuerzeichen enthalten</translation>
    </message>
    <message>
        <source>a name can have at most {count} characters</source>
        <translation>ein Name darf höchstens {count} Zeichen lang sein</translation>
    </message>
    <message>
        <source>that is another person's id; a name must not be mistaken for it</source>
        <translation>das ist die ID einer anderen Person; ein Name darf nicht mit ihr verwechselt werden</translation>
    </message>
    <message>
        <source>{person} was not merged into this person; split its faces instead</source>
        <translation>{person} wurde nicht mit dieser Person zusammengeführt; trennen Sie stattdessen die Gesichter ab</translation>
    </message>
    <message>
        <source>face {face} of {photo} is not one of this person's faces</source>
        <translation>Gesicht {face} von {photo} ist keines der Gesichter dieser Person</translation>
    </message>
    <message>
        <source>choose faces or formerly merged people to split off</source>
        <translation>wählen Sie Gesichter oder früher zusammengeführte Personen zum Abtrennen aus</translation>
    </message>
    <message>
        <source>that is every face of the person: rename it instead of splitting it</source>
        <translation>das sind alle Gesichter der Person: Benennen Sie sie um, statt sie aufzuteilen</translation>
    </message>
    <message>
        <source>this person is already face {face} of that photo; one person cannot be two faces of one photo: take that face out first (Not this person)</source>
        <translation>diese Person ist bereits Gesicht {face} dieses Fotos; eine Person kann nicht zwei Gesichter eines Fotos sein: Nehmen Sie dieses Gesicht zuerst heraus (Nicht diese Person)</translation>
    </message>
    <message>
        <source>the cover must be one of the person's own faces</source>
        <translation>das Titelbild muss eines der eigenen Gesichter der Person sein</translation>
    </message>
    <message>
        <source>these people appear together in {photo}, so they are not one person; take the wrong face out of one of them first (Not this person)</source>
        <translation>diese Personen sind zusammen auf {photo} zu sehen, also sind sie nicht dieselbe Person; nehmen Sie zuerst das falsche Gesicht aus einer von ihnen heraus (Nicht diese Person)</translation>
    </message>
    <message>
        <source>face {face} of {photo} was taken out of one of these people by you and is in another: put it back or take it out first</source>
        <translation>Gesicht {face} von {photo} wurde von Ihnen aus einer dieser Personen herausgenommen und ist in einer anderen: Legen Sie es zurück oder nehmen Sie es zuerst heraus</translation>
    </message>
    <message>
        <source>the library file {path} is damaged ({problems})</source>
        <translation>die Bibliotheksdatei {path} ist beschädigt ({problems})</translation>
    </message>
    <message>
        <source>there is no library file at {path} to set aside</source>
        <translation>unter {path} gibt es keine Bibliotheksdatei, die beiseitegelegt werden könnte</translation>
    </message>
    <message>
        <source>cannot move {path} aside ({error}); close every Beetroot window using this library and try again</source>
        <translation>{path} kann nicht beiseitegelegt werden ({error}); schließen Sie jedes Beetroot-Fenster, das diese Bibliothek verwendet, und versuchen Sie es erneut</translation>
    </message>
    <message>
        <source>too many set-aside library files in {folder}; remove some</source>
        <translation>zu viele beiseitegelegte Bibliotheksdateien in {folder}; entfernen Sie einige</translation>
    </message>
    <message>
        <source>the library file {path} is damaged or not a database ({error})</source>
        <translation>die Bibliotheksdatei {path} ist beschädigt oder keine Datenbank ({error})</translation>
    </message>
    <message>
        <source>the library file {path} stayed locked by another Beetroot window or command for {seconds} s ({error}); try again when it has finished</source>
        <translation>die Bibliotheksdatei {path} war {seconds} s lang von einem anderen Beetroot-Fenster oder Befehl gesperrt ({error}); versuchen Sie es erneut, wenn es fertig ist</translation>
    </message>
    <message>
        <source>the library file {path} cannot be used now ({error}); check that its folder exists, is writable and the disk is not full</source>
        <translation>die Bibliotheksdatei {path} kann gerade nicht verwendet werden ({error}); prüfen Sie, ob ihr Ordner existiert und beschreibbar ist und ob der Datenträger nicht voll ist</translation>
    </message>
    <message>
        <source>the library file is an SQLite database of another program, not a Beetroot library</source>
        <translation>die Bibliotheksdatei ist eine SQLite-Datenbank eines anderen Programms, keine Beetroot-Bibliothek</translation>
    </message>
    <message>
        <source>the library was written by a newer Beetroot (schema {version}, this one knows {known}); update the app</source>
        <translation>die Bibliothek wurde von einem neueren Beetroot geschrieben (Schema {version}, diese Version kennt {known}); aktualisieren Sie die App</translation>
    </message>
    <message>
        <source>the library folder {folder} is on a drive that is not connected ({drive}): connect it, then open the library again</source>
        <translation>der Bibliotheksordner {folder} liegt auf einem Laufwerk, das nicht verbunden ist ({drive}): verbinden Sie es und öffnen Sie die Bibliothek dann erneut</translation>
    </message>
    <message>
        <source>no library at {folder}</source>
        <translation>keine Bibliothek in {folder}</translation>
    </message>
    <message>
        <source>the library at {folder} was made by an older Beetroot; open it once without read-only so it can be upgraded</source>
        <translation>die Bibliothek in {folder} wurde von einem älteren Beetroot angelegt; öffnen Sie sie einmal ohne Schreibschutz, damit sie aktualisiert werden kann</translation>
    </message>
    <message>
        <source>the Rekognition engine needs a collection id: set it with `beetroot config set collection_id beetroot-faces` (or in Settings), or with the REKOGNITION_COLLECTION_ID environment variable</source>
        <translation>die Rekognition-Gesichtserkennung braucht eine Sammlungs-ID: Legen Sie sie mit `beetroot config set collection_id beetroot-faces` fest (oder in den Einstellungen) oder mit der Umgebungsvariablen REKOGNITION_COLLECTION_ID</translation>
    </message>
    <message>
        <source>threshold must be between {low} and {high} (a number: the percentage of similarity), not {value}</source>
        <translation>threshold muss zwischen {low} und {high} liegen (eine Zahl: die Ähnlichkeit in Prozent), nicht {value}</translation>
    </message>
    <message>
        <source>workers must be 0 (one per processor core) or a whole number of photos analysed at once, up to {most}, not {value}</source>
        <translation>workers muss 0 (eines pro Prozessorkern) oder eine ganze Zahl gleichzeitig analysierter Fotos bis {most} sein, nicht {value}</translation>
    </message>
    <message>
        <source>workers must be at most {most} on this computer ({per_core} per processor core), not {value}: more processes only wait for the same cores and use more memory</source>
        <translation>workers darf auf diesem Computer höchstens {most} sein ({per_core} pro Prozessorkern), nicht {value}: Mehr Prozesse warten nur auf dieselben Kerne und brauchen mehr Arbeitsspeicher</translation>
    </message>
    <message>
        <source>rate_limit must be a positive number of Amazon Rekognition calls per second, not {value}</source>
        <translation>rate_limit muss eine positive Zahl von Amazon-Rekognition-Aufrufen pro Sekunde sein, nicht {value}</translation>
    </message>
    <message>
        <source>engine must be one of {choices}, not {value}</source>
        <translation>engine muss einer der Werte {choices} sein, nicht {value}</translation>
    </message>
    <message>
        <source>detector must be one of {choices}, not {value}</source>
        <translation>detector muss einer der Werte {choices} sein, nicht {value}</translation>
    </message>
    <message>
        <source>rekognition_mode must be one of {choices}, not {value}</source>
        <translation>rekognition_mode muss einer der Werte {choices} sein, nicht {value}</translation>
    </message>
    <message>
        <source>collection_id must be text, not {value}</source>
        <translation>collection_id muss Text sein, nicht {value}</translation>
    </message>
    <message>
        <source>{value} is not a valid Rekognition collection id: use 1-255 letters, digits, '_', '.' or '-'</source>
        <translation>{value} ist keine gültige Rekognition-Sammlungs-ID: Verwenden Sie 1 bis 255 Buchstaben, Ziffern, „_“, „.“ oder „-“</translation>
    </message>
    <message>
        <source>aws_region must be an AWS region name like eu-west-1 (or empty), not {value}</source>
        <translation>aws_region muss der Name einer AWS-Region wie eu-west-1 sein (oder leer), nicht {value}</translation>
    </message>
    <message>
        <source>aws_profile must be the name of a profile in your AWS config (or empty), not {value}</source>
        <translation>aws_profile muss der Name eines Profils in Ihrer AWS-Konfiguration sein (oder leer), nicht {value}</translation>
    </message>
    <message>
        <source>library_dir must be the path of a folder (or empty), not {value}</source>
        <translation>library_dir muss der Pfad eines Ordners sein (oder leer), nicht {value}</translation>
    </message>
    <message>
        <source>library_dir {value} is not a usable path</source>
        <translation>library_dir {value} ist kein verwendbarer Pfad</translation>
    </message>
    <message>
        <source>a file</source>
        <translation>eine Datei</translation>
    </message>
    <message>
        <source>a broken link</source>
        <translation>ein defekter Link</translation>
    </message>
    <message>
        <source>a device or another special file</source>
        <translation>ein Gerät oder eine andere Spezialdatei</translation>
    </message>
    <message>
        <source>the library folder {path} is a file, not a folder; it is a library's file: its library folder is {folder}</source>
        <translation>der Bibliotheksordner {path} ist eine Datei, kein Ordner; es ist die Datei einer Bibliothek, deren Bibliotheksordner {folder} ist</translation>
    </message>
    <message>
        <source>the library folder {path} is {kind}, not a folder</source>
        <translation>der Bibliotheksordner {path} ist {kind}, kein Ordner</translation>
    </message>
    <message>
        <source>{probe} is {kind}, so {path} cannot be a library folder</source>
        <translation>{probe} ist {kind}, daher kann {path} kein Bibliotheksordner sein</translation>
    </message>
    <message>
        <source>watch_folders must be true or false, not {value}</source>
        <translation>watch_folders muss true oder false sein, nicht {value}</translation>
    </message>
    <message>
        <source>xmp_sync must be true or false, not {value}</source>
        <translation>xmp_sync muss true oder false sein, nicht {value}</translation>
    </message>
    <message>
        <source>xmp_sidecar must be one of {choices}, not {value}</source>
        <translation>xmp_sidecar muss einer der Werte {choices} sein, nicht {value}</translation>
    </message>
    <message>
        <source>appearance must be one of {choices}, not {value}</source>
        <translation>appearance muss einer der Werte {choices} sein, nicht {value}</translation>
    </message>
    <message>
        <source>language must be one of {choices}, not {value}</source>
        <translation>language muss einer der Werte {choices} sein, nicht {value}</translation>
    </message>
    <message>
        <source>an AWS access key id is 16 to 128 capital letters and digits (like AKIA…)</source>
        <translation>eine AWS-Zugriffsschlüssel-ID besteht aus 16 bis 128 Großbuchstaben und Ziffern (wie AKIA…)</translation>
    </message>
    <message>
        <source>{key} must be a number, not {value!r}</source>
        <translation>{key} muss eine Zahl sein, nicht {value!r}</translation>
    </message>
    <message>
        <source>the environment variable {variable} cannot be used: {problem}; change it or unset it</source>
        <translation>die Umgebungsvariable {variable} kann nicht verwendet werden: {problem}; ändern oder entfernen Sie sie</translation>
    </message>
    <message>
        <source>settings file {path} is unreadable: {problem}; fix it, or run `beetroot config unset KEY` for any setting to start it again from the defaults (the old file is kept beside it)</source>
        <translation>die Einstellungsdatei {path} ist unlesbar: {problem}; beheben Sie das oder führen Sie für eine beliebige Einstellung `beetroot config unset KEY` aus, um die Datei neu mit den Standardwerten zu beginnen (die alte Datei bleibt daneben erhalten)</translation>
    </message>
    <message>
        <source>settings file {path}: {problem}; fix it with `beetroot config set {key} VALUE`, or go back to the default with `beetroot config unset {key}`</source>
        <translation>die Einstellungsdatei {path}: {problem}; beheben Sie das mit `beetroot config set {key} VALUE` oder kehren Sie mit `beetroot config unset {key}` zum Standardwert zurück</translation>
    </message>
    <message>
        <source>it cannot be read ({error})</source>
        <translation>sie kann nicht gelesen werden ({error})</translation>
    </message>
    <message>
        <source>it is not valid JSON ({error})</source>
        <translation>sie ist kein gültiges JSON ({error})</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>it holds {kind} instead of settings (a JSON object)</source>
        <translation>sie enthält {kind} statt Einstellungen (ein JSON-Objekt)</translation>
    </message>
    <message>
        <source>it is set but empty; the Rekognition collection id is required when it is set: give the id (like beetroot-faces)</source>
        <translation>sie ist gesetzt, aber leer; die Rekognition-Sammlungs-ID ist erforderlich, wenn sie gesetzt ist: Geben Sie die ID an (wie beetroot-faces)</translation>
    </message>
    <message>
        <source>{variable}={value}: {problem}</source>
        <translation>{variable}={value}: {problem}</translation>
    </message>
    <message>
        <source>no usable system keyring was found, so the secret cannot be saved safely. Use an AWS profile instead (`aws configure --profile NAME`, then set the profile in Settings or AWS_PROFILE), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment.</source>
        <translation>es wurde kein verwendbarer Schlüsselbund des Systems gefunden, daher kann der geheime Zugriffsschlüssel nicht sicher gespeichert werden. Verwenden Sie stattdessen ein AWS-Profil (`aws configure --profile NAME`, dann das Profil in den Einstellungen oder in AWS_PROFILE festlegen) oder setzen Sie AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY in der Umgebung.</translation>
    </message>
    <message>
        <source>both the access key id and the secret access key are needed</source>
        <translation>sowohl die Zugriffsschlüssel-ID als auch der geheime Zugriffsschlüssel werden benötigt</translation>
    </message>
    <message>
        <source>the system keyring refused to save the secret ({error}). {help}</source>
        <translation>der Schlüsselbund des Systems hat das Speichern des geheimen Zugriffsschlüssels abgelehnt ({error}). {help}</translation>
    </message>
    <message>
        <source>the system keyring accepted the secret but did not keep it. {help}</source>
        <translation>der Schlüsselbund des Systems hat den geheimen Zugriffsschlüssel angenommen, aber nicht behalten. {help}</translation>
    </message>
    <message>
        <source>the file disappeared before it could be read</source>
        <translation>die Datei ist verschwunden, bevor sie gelesen werden konnte</translation>
    </message>
    <message>
        <source>this is a folder, not a photo</source>
        <translation>dies ist ein Ordner, kein Foto</translation>
    </message>
    <message>
        <source>permission denied: the file cannot be read</source>
        <translation>Zugriff verweigert: die Datei kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>not an image in a supported format ({kind})</source>
        <translation>kein Bild in einem unterstützten Format ({kind})</translation>
    </message>
    <message>
        <source>refused: the image declares more than the {limit}-megapixel limit (possibly a decompression bomb)</source>
        <translation>abgelehnt: das Bild gibt mehr als die Grenze von {limit} Megapixeln an (möglicherweise eine Dekompressionsbombe)</translation>
    </message>
    <message>
        <source>not enough memory to decode the image</source>
        <translation>nicht genug Arbeitsspeicher, um das Bild zu dekodieren</translation>
    </message>
    <message>
        <source>damaged or unsupported image: {error}</source>
        <translation>beschädigtes oder nicht unterstütztes Bild: {error}</translation>
    </message>
    <message>
        <source>cannot read the file: {error}</source>
        <translation>die Datei kann nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>the image has no pixels</source>
        <translation>das Bild hat keine Pixel</translation>
    </message>
    <message>
        <source>refused: {width}x{height} pixels is above the {limit}-megapixel limit (possibly a decompression bomb)</source>
        <translation>abgelehnt: {width}x{height} Pixel liegen über der Grenze von {limit} Megapixeln (möglicherweise eine Dekompressionsbombe)</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <source>the file holds text</source>
        <translation>die Datei enthält Text</translation>
    </message>
    <message>
        <source>unknown content</source>
        <translation>unbekannter Inhalt</translation>
    </message>
    <message>
        <source>the XMP is larger than {size} MB, too large to be metadata</source>
        <translation>das XMP ist größer als {size} MB, zu groß für Metadaten</translation>
    </message>
    <message>
        <source>no XML in it</source>
        <translation>es enthält kein XML</translation>
    </message>
    <message>
        <source>not well-formed XML ({error})</source>
        <translation>kein wohlgeformtes XML ({error})</translation>
    </message>
    <message>
        <source>refused: {kind}: {error}</source>
        <translation>abgelehnt: {kind}: {error}</translation>
    </message>
    <message>
        <source>cannot be read: {error}</source>
        <translation>kann nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>unknown engine {engine!r}: choose local or rekognition</source>
        <translation>unbekannte Gesichtserkennung {engine!r}: Wählen Sie local oder rekognition</translation>
    </message>
    <message>
        <source>The connection test failed: {kind}: {error}</source>
        <translation>Der Verbindungstest ist fehlgeschlagen: {kind}: {error}</translation>
    </message>
    <message>
        <source>Signed in as {account}, but the Rekognition client could not be made: {error}</source>
        <translation>Angemeldet als {account}, aber der Rekognition-Client konnte nicht erstellt werden: {error}</translation>
    </message>
    <message>
        <source>Signed in as {account}, but {error}</source>
        <translation>Angemeldet als {account}, aber {error}</translation>
    </message>
    <message>
        <source>Signed in as {account}. The collection {collection_id!r} does not exist in {region}: check the collection id and the region, or create it with {create}.</source>
        <translation>Angemeldet als {account}. Die Sammlung {collection_id!r} gibt es in {region} nicht: Prüfen Sie die Sammlungs-ID und die Region, oder erstellen Sie sie mit {create}.</translation>
    </message>
    <message>
        <source>Signed in as {account}, but creating the collection failed: {error}</source>
        <translation>Angemeldet als {account}, aber das Erstellen der Sammlung ist fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <source>Signed in as {account}. Created the collection {collection_id!r} in {region}; it is empty and ready.</source>
        <translation>Angemeldet als {account}. Die Sammlung {collection_id!r} wurde in {region} erstellt; sie ist leer und bereit.</translation>
    </message>
    <message>
        <source>`beetroot check-aws --create-collection` (or Settings &gt; Test connection &gt; Create collection)</source>
        <translation>`beetroot check-aws --create-collection` (oder Einstellungen &gt; Verbindung testen &gt; Sammlung erstellen)</translation>
    </message>
    <message>
        <source>`beetroot config show`</source>
        <translation>`beetroot config show`</translation>
    </message>
    <message>
        <source>check `beetroot config show` and your ~/.aws/config</source>
        <translation>prüfen Sie `beetroot config show` und Ihre ~/.aws/config</translation>
    </message>
    <message>
        <source>or run `beetroot aws-login`</source>
        <translation>oder führen Sie `beetroot aws-login` aus</translation>
    </message>
    <message>
        <source>run `beetroot aws-login` again with a valid access key</source>
        <translation>führen Sie `beetroot aws-login` erneut mit einem gültigen Zugriffsschlüssel aus</translation>
    </message>
    <message>
        <source>Lower the rate (`beetroot config set rate_limit 2`)</source>
        <translation>Senken Sie die Rate (`beetroot config set rate_limit 2`)</translation>
    </message>
    <message>
        <source>`beetroot config set rekognition_mode faces`</source>
        <translation>`beetroot config set rekognition_mode faces`</translation>
    </message>
    <message>
        <source>import again: finished photos are saved and the rest are still to do</source>
        <translation>importieren Sie erneut: Fertige Fotos sind gespeichert, und der Rest steht noch aus</translation>
    </message>
    <message>
        <source>import again later: finished photos are saved and the rest are still to do</source>
        <translation>importieren Sie später erneut: Fertige Fotos sind gespeichert, und der Rest steht noch aus</translation>
    </message>
    <message>
        <source>no AWS credentials were found. Either run `beetroot aws-login` to save an access key in the system keyring, or set up a profile (`aws configure --profile NAME` or `aws sso login --profile NAME`) and choose it with `beetroot config set aws_profile NAME` or AWS_PROFILE</source>
        <translation>es wurden keine AWS-Zugangsdaten gefunden. Führen Sie entweder `beetroot aws-login` aus, um einen Zugriffsschlüssel im Schlüsselbund des Systems zu speichern, oder richten Sie ein Profil ein (`aws configure --profile NAME` oder `aws sso login --profile NAME`) und wählen Sie es mit `beetroot config set aws_profile NAME` oder AWS_PROFILE</translation>
    </message>
    <message>
        <source>no AWS region is set: choose the region of your collection with `beetroot config set aws_region us-east-1` (or AWS_REGION, or a region in your AWS profile)</source>
        <translation>es ist keine AWS-Region festgelegt: Wählen Sie die Region Ihrer Sammlung mit `beetroot config set aws_region us-east-1` (oder AWS_REGION, oder einer Region in Ihrem AWS-Profil)</translation>
    </message>
    <message>
        <source>The config profile ({profile}) could not be found</source>
        <translation>Das Konfigurationsprofil ({profile}) wurde nicht gefunden</translation>
    </message>
    <message>
        <source>cannot reach Amazon Rekognition in {region} ({error}); check the network connection and {retry}</source>
        <translation>Amazon Rekognition in {region} ist nicht erreichbar ({error}); prüfen Sie die Netzwerkverbindung und {retry}</translation>
    </message>
    <message>
        <source>{error}: {fix}</source>
        <translation>{error}; {fix}</translation>
    </message>
    <message>
        <source>your AWS sign-in has expired or failed ({error}); sign in again (`aws sso login --profile NAME`) {or_key}</source>
        <translation>Ihre AWS-Anmeldung ist abgelaufen oder fehlgeschlagen ({error}); melden Sie sich erneut an (`aws sso login --profile NAME`) {or_key}</translation>
    </message>
    <message>
        <source>Rekognition {operation} failed: {error}</source>
        <translation>Rekognition {operation} ist fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <source>AWS denied {action} (AccessDeniedException): add the action "{action}" to the IAM policy of this user or role (see "Using Amazon Rekognition" in the README for a least-privilege policy), then import again; nothing was lost</source>
        <translation>AWS hat {action} verweigert (AccessDeniedException): Fügen Sie die Aktion „{action}“ zur IAM-Richtlinie dieses Benutzers oder dieser Rolle hinzu (eine Richtlinie mit minimalen Rechten steht im README unter „Using Amazon Rekognition“), und importieren Sie dann erneut; es ging nichts verloren</translation>
    </message>
    <message>
        <source>the Rekognition collection {collection_id!r} was not found in region {region}: either the collection id or the region is wrong ({settings}), or the collection does not exist yet; create it with {create}</source>
        <translation>die Rekognition-Sammlung {collection_id!r} wurde in der Region {region} nicht gefunden: Entweder ist die Sammlungs-ID oder die Region falsch ({settings}), oder die Sammlung existiert noch nicht; erstellen Sie sie mit {create}</translation>
    </message>
    <message>
        <source>AWS rejected the credentials ({code}): {new_key}, or refresh your profile's sign-in (`aws sso login`)</source>
        <translation>AWS hat die Zugangsdaten abgelehnt ({code}); {new_key}, oder erneuern Sie die Anmeldung Ihres Profils (`aws sso login`)</translation>
    </message>
    <message>
        <source>Amazon Rekognition kept throttling requests (rate limit {rate_limit} calls/s) even after retries; the import paused with the rest still to do. {slower} or ask AWS for a higher quota, then import again</source>
        <translation>Amazon Rekognition hat Anfragen (Ratenlimit {rate_limit} Aufrufe/s) auch nach Wiederholungen weiter gedrosselt; der Import wurde pausiert, und der Rest steht noch aus. {slower} oder bitten Sie AWS um ein höheres Kontingent, und importieren Sie dann erneut</translation>
    </message>
    <message>
        <source>Amazon Rekognition kept throttling requests even after retries; the import paused with the rest still to do. {slower} or ask AWS for a higher quota, then import again</source>
        <translation>Amazon Rekognition hat Anfragen auch nach Wiederholungen weiter gedrosselt; der Import wurde pausiert, und der Rest steht noch aus. {slower} oder bitten Sie AWS um ein höheres Kontingent, und importieren Sie dann erneut</translation>
    </message>
    <message>
        <source>Amazon Rekognition is having trouble ({code}); {retry}</source>
        <translation>Amazon Rekognition hat Probleme ({code}); {retry}</translation>
    </message>
    <message>
        <source>Amazon Rekognition refused {operation}: the collection {collection_id!r} reached a service quota ({detail}); the import paused with the rest still to do. Ask AWS for a higher quota, or match face by face again ({faces_mode}), then import again</source>
        <translation>Amazon Rekognition hat {operation} abgelehnt: Die Sammlung {collection_id!r} hat ein Dienstkontingent erreicht ({detail}); der Import wurde pausiert, und der Rest steht noch aus. Bitten Sie AWS um ein höheres Kontingent, oder gleichen Sie wieder Gesicht für Gesicht ab ({faces_mode}), und importieren Sie dann erneut</translation>
    </message>
    <message>
        <source>Rekognition found no face in the crop</source>
        <translation>Rekognition hat im Ausschnitt kein Gesicht gefunden</translation>
    </message>
    <message>
        <source>the image is not a JPEG or PNG Rekognition can read</source>
        <translation>das Bild ist kein JPEG oder PNG, das Rekognition lesen kann</translation>
    </message>
    <message>
        <source>the image is larger than Rekognition accepts</source>
        <translation>das Bild ist größer, als Rekognition annimmt</translation>
    </message>
    <message>
        <source>{reason} ({detail})</source>
        <translation>{reason} ({detail})</translation>
    </message>
    <message>
        <source>Rekognition {operation} failed ({detail})</source>
        <translation>Rekognition {operation} ist fehlgeschlagen ({detail})</translation>
    </message>
    <message>
        <source>no AWS credentials were found: type an access key id and secret under Credentials, or choose an AWS profile there (set one up with `aws configure --profile NAME` or `aws sso login --profile NAME`)</source>
        <translation>es wurden keine AWS-Zugangsdaten gefunden: Geben Sie unter Zugangsdaten eine Zugriffsschlüssel-ID und den geheimen Schlüssel ein, oder wählen Sie dort ein AWS-Profil (richten Sie eines mit `aws configure --profile NAME` oder `aws sso login --profile NAME` ein)</translation>
    </message>
    <message>
        <source>no AWS credentials were found: type an access key or choose an AWS profile in Settings › Amazon Rekognition</source>
        <translation>es wurden keine AWS-Zugangsdaten gefunden: Geben Sie in den Einstellungen › Amazon Rekognition einen Zugriffsschlüssel ein oder wählen Sie ein AWS-Profil</translation>
    </message>
    <message>
        <source>no AWS region is set: choose the region of your collection in the Region field</source>
        <translation>es ist keine AWS-Region festgelegt: Wählen Sie die Region Ihrer Sammlung im Feld Region</translation>
    </message>
    <message>
        <source>no AWS region is set: choose the region of your collection in Settings › Amazon Rekognition</source>
        <translation>es ist keine AWS-Region festgelegt: Wählen Sie die Region Ihrer Sammlung in den Einstellungen › Amazon Rekognition</translation>
    </message>
    <message>
        <source>the Create collection button</source>
        <translation>der Schaltfläche Sammlung erstellen</translation>
    </message>
    <message>
        <source>Test connection, then Create collection, in Settings › Amazon Rekognition</source>
        <translation>Verbindung testen, dann Sammlung erstellen, in den Einstellungen › Amazon Rekognition</translation>
    </message>
    <message>
        <source>choose another profile under Credentials, or check your ~/.aws/config</source>
        <translation>wählen Sie unter Zugangsdaten ein anderes Profil, oder prüfen Sie Ihre ~/.aws/config</translation>
    </message>
    <message>
        <source>choose another profile in Settings › Amazon Rekognition, or check your ~/.aws/config</source>
        <translation>wählen Sie in den Einstellungen › Amazon Rekognition ein anderes Profil, oder prüfen Sie Ihre ~/.aws/config</translation>
    </message>
    <message>
        <source>see Region and Collection above</source>
        <translation>siehe Region und Sammlung oben</translation>
    </message>
    <message>
        <source>see Settings › Amazon Rekognition</source>
        <translation>siehe Einstellungen › Amazon Rekognition</translation>
    </message>
    <message>
        <source>or type an access key under Credentials</source>
        <translation>oder geben Sie unter Zugangsdaten einen Zugriffsschlüssel ein</translation>
    </message>
    <message>
        <source>or save an access key in Settings › Amazon Rekognition</source>
        <translation>oder speichern Sie einen Zugriffsschlüssel in den Einstellungen › Amazon Rekognition</translation>
    </message>
    <message>
        <source>type a valid access key under Credentials</source>
        <translation>geben Sie unter Zugangsdaten einen gültigen Zugriffsschlüssel ein</translation>
    </message>
    <message>
        <source>type a valid access key in Settings › Amazon Rekognition</source>
        <translation>geben Sie in den Einstellungen › Amazon Rekognition einen gültigen Zugriffsschlüssel ein</translation>
    </message>
    <message>
        <source>Wait a few minutes</source>
        <translation>Warten Sie einige Minuten</translation>
    </message>
    <message>
        <source>untick Match against whole people above</source>
        <translation>deaktivieren Sie oben Mit ganzen Personen abgleichen</translation>
    </message>
    <message>
        <source>untick Match against whole people in Settings › Amazon Rekognition</source>
        <translation>deaktivieren Sie Mit ganzen Personen abgleichen in den Einstellungen › Amazon Rekognition</translation>
    </message>
    <message>
        <source>press Test connection again</source>
        <translation>klicken Sie erneut auf Verbindung testen</translation>
    </message>
    <message>
        <source>press Test connection again later</source>
        <translation>klicken Sie später erneut auf Verbindung testen</translation>
    </message>
    <message>
        <source>no face descriptor could be computed for this crop</source>
        <translation>für diesen Ausschnitt konnte kein Gesichtsdeskriptor berechnet werden</translation>
    </message>
    <message>
        <source>the face_recognition_models package is not installed (pip install face_recognition_models)</source>
        <translation>das Paket face_recognition_models ist nicht installiert (pip install face_recognition_models)</translation>
    </message>
    <message>
        <source>the face model {name} is missing from {folder}; reinstall the app</source>
        <translation>das Gesichtsmodell {name} fehlt in {folder}; installieren Sie die App neu</translation>
    </message>
    <message>
        <source>rekognition_mode must be one of {modes}, not {mode!r}</source>
        <translation>rekognition_mode muss einer der Werte {modes} sein, nicht {mode!r}</translation>
    </message>
    <message>
        <source>{external_image_id!r} is not a valid ExternalImageId ([a-zA-Z0-9_.-:], 1-255)</source>
        <translation>{external_image_id!r} ist keine gültige ExternalImageId ([a-zA-Z0-9_.-:], 1-255)</translation>
    </message>
    <message>
        <source>the photo was not prepared for Rekognition (no JPEG)</source>
        <translation>das Foto wurde nicht für Rekognition vorbereitet (kein JPEG)</translation>
    </message>
    <message>
        <source>Amazon Rekognition did not delete {count} of these faces from the collection {collection_id!r}: {faces}. A face associated with a user of the collection is deleted only once it is disassociated (DisassociateFaces)</source>
        <translation>Amazon Rekognition hat {count} dieser Gesichter nicht aus der Sammlung {collection_id!r} gelöscht: {faces}. Ein Gesicht, das einem Benutzer der Sammlung zugeordnet ist, wird erst gelöscht, wenn es von ihm getrennt wurde (DisassociateFaces)</translation>
    </message>
    <message>
        <source>the face crop</source>
        <translation>der Gesichtsausschnitt</translation>
    </message>
    <message>
        <source>the photo</source>
        <translation>das Foto</translation>
    </message>
    <message>
        <source>{subject} is {size} MiB, over Rekognition's 5 MiB limit</source>
        <translation>{subject} ist {size} MiB groß, über der Grenze von 5 MiB bei Rekognition</translation>
    </message>
    <message>
        <source>{subject} is not a readable image</source>
        <translation>{subject} ist kein lesbares Bild</translation>
    </message>
    <message>
        <source>{subject} is {format}, Rekognition takes JPEG or PNG</source>
        <translation>{subject} ist im Format {format}, Rekognition nimmt JPEG oder PNG</translation>
    </message>
    <message>
        <source>{subject} is {width}x{height} px, under Rekognition's {minimum} px minimum</source>
        <translation>{subject} ist {width}x{height} px groß, unter dem Minimum von {minimum} px bei Rekognition</translation>
    </message>
    <message>
        <source>could not decode: {kind}: {error}</source>
        <translation>konnte nicht dekodiert werden: {kind}: {error}</translation>
    </message>
    <message>
        <source>face regions were not read: {kind}: {error}</source>
        <translation>Gesichtsbereiche wurden nicht gelesen: {kind}: {error}</translation>
    </message>
    <message>
        <source>face detection failed: {kind}: {error}</source>
        <translation>die Gesichtserkennung ist fehlgeschlagen: {kind}: {error}</translation>
    </message>
    <message>
        <source>thumbnails cannot be written to {folder}: {error}</source>
        <translation>Vorschaubilder können nicht in {folder} gespeichert werden: {error}</translation>
    </message>
    <message>
        <source>cannot make the folder {folder}: {error}</source>
        <translation>der Ordner {folder} kann nicht angelegt werden: {error}</translation>
    </message>
    <message>
        <source>{folder} is not a folder</source>
        <translation>{folder} ist kein Ordner</translation>
    </message>
    <message>
        <source>{folder} is inside a folder this library imports: the next import finds these files there as copies of the photos (duplicates)</source>
        <translation>{folder} liegt in einem Ordner, den diese Bibliothek importiert: Der nächste Import findet diese Dateien dort als Kopien der Fotos (Duplikate)</translation>
    </message>
    <message>
        <source>offline: {folder} cannot be reached (an unplugged drive or a folder renamed away)</source>
        <translation>offline: {folder} ist nicht erreichbar (ein getrenntes Laufwerk oder ein umbenannter Ordner)</translation>
    </message>
    <message>
        <source>missing: the file is gone from its folder</source>
        <translation>fehlt: die Datei ist nicht mehr in ihrem Ordner</translation>
    </message>
    <message>
        <source>the file is gone from its folder since the last import (`beetroot import` brings the library up to date)</source>
        <translation>die Datei ist seit dem letzten Import nicht mehr in ihrem Ordner (`beetroot import` bringt die Bibliothek auf den neuesten Stand)</translation>
    </message>
    <message>
        <source>cannot write to {folder}: {error}</source>
        <translation>in {folder} kann nicht geschrieben werden: {error}</translation>
    </message>
    <message>
        <source>{count} files in {folder} already have its name</source>
        <translation>{count} Dateien in {folder} haben bereits seinen Namen</translation>
    </message>
    <message>
        <source>links to {source} cannot be made in {folder} ({error}): copied instead</source>
        <translation>Verknüpfungen zu {source} können in {folder} nicht angelegt werden ({error}): stattdessen kopiert</translation>
    </message>
    <message>
        <source>this library's faces are in an Amazon Rekognition collection: forgetting needs the cloud engine to delete them there</source>
        <translation>die Gesichter dieser Bibliothek sind in einer Amazon-Rekognition-Sammlung: Zum Vergessen muss die Cloud-Gesichtserkennung sie dort löschen</translation>
    </message>
    <message>
        <source>the collection {collection!r} does not exist any more: nothing of them was left there</source>
        <translation>die Sammlung {collection!r} existiert nicht mehr: dort war nichts mehr von ihnen</translation>
    </message>
    <message>
        <source>none of their faces were in the collection {collection!r}: an earlier try deleted them, or this library's faces are in another collection (collection_id in `beetroot config show`)</source>
        <translation>keines ihrer Gesichter war in der Sammlung {collection!r}: Ein früherer Versuch hat sie gelöscht, oder die Gesichter dieser Bibliothek sind in einer anderen Sammlung (collection_id in `beetroot config show`)</translation>
    </message>
    <message>
        <source>{count} face thumbnails could not be deleted from {folder} (permissions?): delete the folder `faces` there; it is made again as needed</source>
        <translation>{count} Gesichts-Vorschaubilder konnten nicht aus {folder} gelöscht werden (Berechtigungen?): Löschen Sie dort den Ordner `faces`; er wird bei Bedarf neu angelegt</translation>
    </message>
    <message>
        <source>older library files set aside by `beetroot rebuild` still hold this person: {files} in {folder}; delete them if you no longer need them</source>
        <translation>ältere, von `beetroot rebuild` beiseitegelegte Bibliotheksdateien enthalten diese Person noch: {files} in {folder}; löschen Sie sie, wenn Sie sie nicht mehr brauchen</translation>
    </message>
    <message>
        <source>{path} is not in the library (see `beetroot photos`)</source>
        <translation>{path} ist nicht in der Bibliothek (siehe `beetroot photos`)</translation>
    </message>
    <message>
        <source>a face must be at least {side} pixels wide and high</source>
        <translation>ein Gesicht muss mindestens {side} Pixel breit und hoch sein</translation>
    </message>
    <message>
        <source>the box {left},{top} {w}x{h} is not inside the photo ({width}x{height} upright)</source>
        <translation>der Rahmen {left},{top} {w}x{h} liegt nicht im Foto ({width}x{height} aufrecht)</translation>
    </message>
    <message>
        <source>this person is already face {idx} of that photo; one person cannot be two faces of one photo</source>
        <translation>diese Person ist bereits Gesicht {idx} dieses Fotos; eine Person kann nicht zwei Gesichter eines Fotos sein</translation>
    </message>
    <message>
        <source>face {idx} of that photo is already there</source>
        <translation>Gesicht {idx} dieses Fotos ist bereits vorhanden</translation>
    </message>
    <message>
        <source>the photo cannot be read now ({error}); a face is added to a photo that is there</source>
        <translation>das Foto kann gerade nicht gelesen werden ({error}); ein Gesicht wird einem vorhandenen Foto hinzugefügt</translation>
    </message>
    <message>
        <source>this library's people were found with the {bound} engine; import with --engine {bound}, or use another library (--library DIR) for the {engine} engine</source>
        <translation>die Personen dieser Bibliothek wurden mit der Gesichtserkennung {bound} gefunden; importieren Sie mit --engine {bound} oder verwenden Sie für die Gesichtserkennung {engine} eine andere Bibliothek (--library DIR)</translation>
    </message>
    <message>
        <source>face detection failed: {error}</source>
        <translation>die Gesichtserkennung ist fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <source>{path}: {problem}</source>
        <translation>{path}: {problem}</translation>
    </message>
    <message>
        <source>{path}: face {idx}: the name {name!r} from its metadata was not applied: {note}</source>
        <translation>{path}: Gesicht {idx}: der Name {name!r} aus seinen Metadaten wurde nicht übernommen: {note}</translation>
    </message>
    <message>
        <source>nothing has been imported into this library yet: give a photo or a folder</source>
        <translation>in diese Bibliothek wurde noch nichts importiert: geben Sie ein Foto oder einen Ordner an</translation>
    </message>
    <message>
        <source>inside the library's own folder (its thumbnails and index are never imported)</source>
        <translation>im eigenen Ordner der Bibliothek (ihre Vorschaubilder und ihr Index werden nie importiert)</translation>
    </message>
    <message>
        <source>the file name is not valid text (bytes of another encoding); rename the file (or its folder) to import it</source>
        <translation>der Dateiname ist kein gültiger Text (Bytes einer anderen Kodierung); benennen Sie die Datei (oder ihren Ordner) um, um sie zu importieren</translation>
    </message>
    <message>
        <source>not a photo: {suffix} files are not imported</source>
        <translation>kein Foto: {suffix}-Dateien werden nicht importiert</translation>
    </message>
    <message>
        <source>not a photo: files without an extension are not imported</source>
        <translation>kein Foto: Dateien ohne Endung werden nicht importiert</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>diese Datei oder dieser Ordner existiert nicht</translation>
    </message>
    <message>
        <source>folder cannot be read: {error}</source>
        <translation>der Ordner kann nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>cannot be read: permission denied (the folder holding it cannot be entered)</source>
        <translation>kann nicht gelesen werden: Zugriff verweigert (der Ordner, der sie enthält, kann nicht geöffnet werden)</translation>
    </message>
    <message>
        <source>symlink loop: the link leads back to itself</source>
        <translation>Endlosschleife symbolischer Links: der Link führt auf sich selbst zurück</translation>
    </message>
    <message>
        <source>broken link: the file it points to is missing</source>
        <translation>defekter Link: die Datei, auf die er zeigt, fehlt</translation>
    </message>
    <message>
        <source>not a regular file (a named pipe, socket or device): not a photo</source>
        <translation>keine reguläre Datei (eine benannte Pipe, ein Socket oder ein Gerät): kein Foto</translation>
    </message>
    <message>
        <source>the system's limit on watched folders is reached (fs.inotify.max_user_watches{value}); raising it lets them be watched</source>
        <translation>die Grenze des Systems für überwachte Ordner ist erreicht (fs.inotify.max_user_watches{value}); wird sie erhöht, können sie überwacht werden</translation>
    </message>
    <message>
        <source>the system's limit on programs watching folders is reached (fs.inotify.max_user_instances{value}); closing other programs that watch folders helps</source>
        <translation>die Grenze des Systems für Programme, die Ordner überwachen, ist erreicht (fs.inotify.max_user_instances{value}); es hilft, andere Programme zu schließen, die Ordner überwachen</translation>
    </message>
    <message>
        <source>the system refused to watch it</source>
        <translation>das System hat die Überwachung abgelehnt</translation>
    </message>
    <message>
        <source>{folder} is not watched: {why}</source>
        <translation>{folder} wird nicht überwacht: {why}</translation>
    </message>
    <message>
        <source>the face detector crashed on this file</source>
        <translation>die Gesichtserkennung ist bei dieser Datei abgestürzt</translation>
    </message>
    <message>
        <source>the sidecar name is one of {names}</source>
        <translation>der Name der Begleitdatei ist einer von {names}</translation>
    </message>
    <message>
        <source>the photo is not there now</source>
        <translation>das Foto ist gerade nicht da</translation>
    </message>
    <message>
        <source>another photo has the same name before its extension, so a photo.xmp sidecar would be both of theirs; use --sidecar-name jpg.xmp</source>
        <translation>ein anderes Foto hat denselben Namen vor der Endung, eine Begleitdatei foto.xmp gehörte also zu beiden; verwenden Sie --sidecar-name jpg.xmp</translation>
    </message>
    <message>
        <source>not a regular file; left as it is</source>
        <translation>keine reguläre Datei; unverändert gelassen</translation>
    </message>
    <message>
        <source>too large to be a sidecar; left as it is</source>
        <translation>zu groß für eine Begleitdatei; unverändert gelassen</translation>
    </message>
    <message>
        <source>not valid XMP, left as it is ({error})</source>
        <translation>kein gültiges XMP, unverändert gelassen ({error})</translation>
    </message>
    <message>
        <source>cannot be written: {error}</source>
        <translation>kann nicht geschrieben werden: {error}</translation>
    </message>
    <message>
        <source>Consolidated: {gone} merged into {kept} (closest faces {best}, average {average})</source>
        <translation>Zusammengefasst: {gone} mit {kept} zusammengeführt (ähnlichste Gesichter {best}, Durchschnitt {average})</translation>
    </message>
    <message>
        <source>this library's searches kept candidates down to {floor} %: regrouping below that needs new searches; choose a threshold of {floor} % or more</source>
        <translation>die Suchen dieser Bibliothek haben Kandidaten bis hinunter zu {floor} % behalten: eine Neugruppierung darunter braucht neue Suchen; wählen Sie einen Schwellenwert von {floor} % oder mehr</translation>
    </message>
    <message>
        <source>the XMP embedded in the photo</source>
        <translation>dem im Foto eingebetteten XMP</translation>
    </message>
    <message>
        <source>face regions in {label} were not read: {error}</source>
        <translation>Gesichtsbereiche in {label} wurden nicht gelesen: {error}</translation>
    </message>
    <message>
        <source>{label} names a face {name!r}, which an earlier sidecar names {kept!r}: {kept!r} is used</source>
        <translation>{label} benennt ein Gesicht {name!r}, das eine frühere Begleitdatei {kept!r} nennt: {kept!r} wird verwendet</translation>
    </message>
    <message>
        <source>more than {most} named face regions: the rest were not read</source>
        <translation>mehr als {most} benannte Gesichtsbereiche: die übrigen wurden nicht gelesen</translation>
    </message>
</context>
</TS>
