<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message numerus="yes">
        <source>Import of {names} and %Ln more</source>
        <translation>
            <numerusform>Import of {names} and %Ln more</numerusform>
            <numerusform>Import of {names} and %Ln more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{done} of %Ln photo(s)</source>
        <translation>
            <numerusform>{done} of %Ln photo</numerusform>
            <numerusform>{done} of %Ln photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln face(s)</source>
        <translation>
            <numerusform>%Ln face</numerusform>
            <numerusform>%Ln faces</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new person(s)</source>
        <translation>
            <numerusform>%Ln new person</numerusform>
            <numerusform>%Ln new people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln failed</numerusform>
            <numerusform>%Ln failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import cancelled: %Ln photo(s) left for the next import</source>
        <translation>
            <numerusform>Import cancelled: %Ln photo left for the next import</numerusform>
            <numerusform>Import cancelled: %Ln photos left for the next import</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import cancelled. %Ln photo(s) was(were) left; import the folder again to finish them.</source>
        <translation>
            <numerusform>Import cancelled. %Ln photo was left; import the folder again to finish them.</numerusform>
            <numerusform>Import cancelled. %Ln photos were left; import the folder again to finish them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The import stopped: {reason}. The remaining %Ln photo(s) is(are) imported next time.</source>
        <translation>
            <numerusform>The import stopped: {reason}. The remaining %Ln photo is imported next time.</numerusform>
            <numerusform>The import stopped: {reason}. The remaining %Ln photos are imported next time.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{finished}; %Ln warning(s) in Activity</source>
        <translation>
            <numerusform>{finished}; %Ln warning in Activity</numerusform>
            <numerusform>{finished}; %Ln warnings in Activity</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation>
            <numerusform>%Ln photo</numerusform>
            <numerusform>%Ln photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import finished: {photos} added, {faces}, {people}; %Ln file(s) could not be imported</source>
        <translation>
            <numerusform>Import finished: {photos} added, {faces}, {people}; %Ln file could not be imported</numerusform>
            <numerusform>Import finished: {photos} added, {faces}, {people}; %Ln files could not be imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Regrouped: %Ln person(s)</source>
        <translation>
            <numerusform>Regrouped: %Ln person</numerusform>
            <numerusform>Regrouped: %Ln people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The library was not regrouped at {threshold} %: it now needs %Ln Amazon Rekognition IndexFaces call(s), more than Settings announced. Open Settings again to see the new estimate.</source>
        <translation>
            <numerusform>The library was not regrouped at {threshold} %: it now needs %Ln Amazon Rekognition IndexFaces call, more than Settings announced. Open Settings again to see the new estimate.</numerusform>
            <numerusform>The library was not regrouped at {threshold} %: it now needs %Ln Amazon Rekognition IndexFaces calls, more than Settings announced. Open Settings again to see the new estimate.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Regrouped at {threshold} %: %Ln person(s) (Ctrl+Z undoes it)</source>
        <translation>
            <numerusform>Regrouped at {threshold} %: %Ln person (Ctrl+Z undoes it)</numerusform>
            <numerusform>Regrouped at {threshold} %: %Ln people (Ctrl+Z undoes it)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The damaged library file was moved to {path}. Importing your %Ln folder(s) again…</source>
        <translation>
            <numerusform>The damaged library file was moved to {path}. Importing your %Ln folder again…</numerusform>
            <numerusform>The damaged library file was moved to {path}. Importing your %Ln folders again…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merge these %Ln person(s) into one. The person you keep gives the merged person their name. Edit › Undo (Ctrl+Z) takes the merge back, and Split on the person&apos;s page takes a merged person out again.</source>
        <translation>
            <numerusform>Merge these %Ln person into one. The person you keep gives the merged person their name. Edit › Undo (Ctrl+Z) takes the merge back, and Split on the person&apos;s page takes a merged person out again.</numerusform>
            <numerusform>Merge these %Ln people into one. The person you keep gives the merged person their name. Edit › Undo (Ctrl+Z) takes the merge back, and Split on the person&apos;s page takes a merged person out again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep {name}  (%Ln photo(s))</source>
        <translation>
            <numerusform>Keep {name}  (%Ln photo)</numerusform>
            <numerusform>Keep {name}  (%Ln photos)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name}, %Ln photo(s)</source>
        <translation>
            <numerusform>{name}, %Ln photo</numerusform>
            <numerusform>{name}, %Ln photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unnamed person(s)</source>
        <translation>
            <numerusform>%Ln unnamed person</numerusform>
            <numerusform>%Ln unnamed people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merged %Ln person(s) into {name} (Ctrl+Z undoes it)</source>
        <translation>
            <numerusform>Merged %Ln person into {name} (Ctrl+Z undoes it)</numerusform>
            <numerusform>Merged %Ln people into {name} (Ctrl+Z undoes it)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hid %Ln person(s) (View &gt; Show Hidden People lists them again)</source>
        <translation>
            <numerusform>Hid %Ln person (View &gt; Show Hidden People lists them again)</numerusform>
            <numerusform>Hid %Ln people (View &gt; Show Hidden People lists them again)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s) shown again</source>
        <translation>
            <numerusform>%Ln person shown again</numerusform>
            <numerusform>%Ln people shown again</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %Ln face(s) from this person; they will not be grouped with them again</source>
        <translation>
            <numerusform>Removed %Ln face from this person; they will not be grouped with them again</numerusform>
            <numerusform>Removed %Ln faces from this person; they will not be grouped with them again</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln formerly merged person(s)</source>
        <translation>
            <numerusform>%Ln formerly merged person</numerusform>
            <numerusform>%Ln formerly merged people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed {photos} from the library; the files were not touched (%Ln photo(s) found again meanwhile stayed)</source>
        <translation>
            <numerusform>Removed {photos} from the library; the files were not touched (%Ln photo found again meanwhile stayed)</numerusform>
            <numerusform>Removed {photos} from the library; the files were not touched (%Ln photos found again meanwhile stayed)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %Ln photo(s) from the library; the files were not touched</source>
        <translation>
            <numerusform>Removed %Ln photo from the library; the files were not touched</numerusform>
            <numerusform>Removed %Ln photos from the library; the files were not touched</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Answered yes to %Ln question(s) (Ctrl+Z undoes it)</source>
        <translation>
            <numerusform>Answered yes to %Ln question (Ctrl+Z undoes it)</numerusform>
            <numerusform>Answered yes to %Ln questions (Ctrl+Z undoes it)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Answered no to %Ln question(s) (Ctrl+Z undoes it)</source>
        <translation>
            <numerusform>Answered no to %Ln question (Ctrl+Z undoes it)</numerusform>
            <numerusform>Answered no to %Ln questions (Ctrl+Z undoes it)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %Ln question(s) (Ctrl+Z undoes it)</source>
        <translation>
            <numerusform>Skipped %Ln question (Ctrl+Z undoes it)</numerusform>
            <numerusform>Skipped %Ln questions (Ctrl+Z undoes it)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Answered %Ln question(s) (Ctrl+Z undoes it)</source>
        <translation>
            <numerusform>Answered %Ln question (Ctrl+Z undoes it)</numerusform>
            <numerusform>Answered %Ln questions (Ctrl+Z undoes it)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Marked %Ln face(s) as not a face (Ctrl+Z undoes it)</source>
        <translation>
            <numerusform>Marked %Ln face as not a face (Ctrl+Z undoes it)</numerusform>
            <numerusform>Marked %Ln faces as not a face (Ctrl+Z undoes it)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ignored %Ln face(s) (Ctrl+Z undoes it)</source>
        <translation>
            <numerusform>Ignored %Ln face (Ctrl+Z undoes it)</numerusform>
            <numerusform>Ignored %Ln faces (Ctrl+Z undoes it)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in at least %Ln photo(s)</source>
        <translation>
            <numerusform>in at least %Ln photo</numerusform>
            <numerusform>in at least %Ln photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln person</numerusform>
            <numerusform>%Ln people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No one is in %Ln photo(s) or more yet</source>
        <translation>
            <numerusform>No one is in %Ln photo or more yet</numerusform>
            <numerusform>No one is in %Ln photos or more yet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show the people seen in at least this many photos. People seen in one photo are usually strangers in the background; named people always show. The default here is %Ln photo(s): most people in this library are seen only once.</source>
        <translation>
            <numerusform>Show the people seen in at least this many photos. People seen in one photo are usually strangers in the background; named people always show. The default here is %Ln photo: most people in this library are seen only once.</numerusform>
            <numerusform>Show the people seen in at least this many photos. People seen in one photo are usually strangers in the background; named people always show. The default here is %Ln photos: most people in this library are seen only once.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show the people seen in at least this many photos. People seen in one photo are usually strangers in the background; named people always show. The default here is %Ln photo(s): this library has few people seen only once.</source>
        <translation>
            <numerusform>Show the people seen in at least this many photos. People seen in one photo are usually strangers in the background; named people always show. The default here is %Ln photo: this library has few people seen only once.</numerusform>
            <numerusform>Show the people seen in at least this many photos. People seen in one photo are usually strangers in the background; named people always show. The default here is %Ln photos: this library has few people seen only once.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Which person should the %Ln selected person(s) be merged into?</source>
        <translation>
            <numerusform>Which person should the %Ln selected person be merged into?</numerusform>
            <numerusform>Which person should the %Ln selected people be merged into?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s), oldest first</source>
        <translation>
            <numerusform>%Ln photo, oldest first</numerusform>
            <numerusform>%Ln photos, oldest first</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln face(s) that [belongs|belong] to no one: too small, unclear, or removed by you</source>
        <translation>
            <numerusform>%Ln face that belongs to no one: too small, unclear, or removed by you</numerusform>
            <numerusform>%Ln faces that belong to no one: too small, unclear, or removed by you</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %Ln selected face(s), as a new person</source>
        <translation>
            <numerusform>The %Ln selected face, as a new person</numerusform>
            <numerusform>The %Ln selected faces, as a new person</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name}  (%Ln face(s))</source>
        <translation>
            <numerusform>{name}  (%Ln face)</numerusform>
            <numerusform>{name}  (%Ln faces)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln question(s) waiting</source>
        <translation>
            <numerusform>%Ln question waiting</numerusform>
            <numerusform>%Ln questions waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At {threshold} %: %Ln person(s) (the current grouping)</source>
        <translation>
            <numerusform>At {threshold} %: %Ln person (the current grouping)</numerusform>
            <numerusform>At {threshold} %: %Ln people (the current grouping)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At {threshold} %: %Ln person(s)</source>
        <translation>
            <numerusform>At {threshold} %: %Ln person</numerusform>
            <numerusform>At {threshold} %: %Ln people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{preview}, %Ln face(s) would change person</source>
        <translation>
            <numerusform>{preview}, %Ln face would change person</numerusform>
            <numerusform>{preview}, %Ln faces would change person</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{preview}; saving makes %Ln Amazon Rekognition IndexFaces call(s) (about ${cost})</source>
        <translation>
            <numerusform>{preview}; saving makes %Ln Amazon Rekognition IndexFaces call (about ${cost})</numerusform>
            <numerusform>{preview}; saving makes %Ln Amazon Rekognition IndexFaces calls (about ${cost})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name} (%Ln photo(s))</source>
        <translation>
            <numerusform>{name} (%Ln photo)</numerusform>
            <numerusform>{name} (%Ln photos)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copy the %Ln photo(s) of &lt;b&gt;{name}&lt;/b&gt; into a folder. The originals are not touched; files already there are kept, and exporting again adds only what is new.</source>
        <translation>
            <numerusform>Copy the %Ln photo of &lt;b&gt;{name}&lt;/b&gt; into a folder. The originals are not touched; files already there are kept, and exporting again adds only what is new.</numerusform>
            <numerusform>Copy the %Ln photos of &lt;b&gt;{name}&lt;/b&gt; into a folder. The originals are not touched; files already there are kept, and exporting again adds only what is new.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln face(s) in {photos}, with their face descriptors and face thumbnails;</source>
        <translation>
            <numerusform>%Ln face in {photos}, with their face descriptors and face thumbnails;</numerusform>
            <numerusform>%Ln faces in {photos}, with their face descriptors and face thumbnails;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the person and the name “{name}”, and the %Ln person(s) merged into it;</source>
        <translation>
            <numerusform>the person and the name “{name}”, and the %Ln person merged into it;</numerusform>
            <numerusform>the person and the name “{name}”, and the %Ln people merged into it;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the person, and the %Ln person(s) merged into it;</source>
        <translation>
            <numerusform>the person, and the %Ln person merged into it;</numerusform>
            <numerusform>the person, and the %Ln people merged into it;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>their %Ln face(s) in the Amazon Rekognition collection {collection};</source>
        <translation>
            <numerusform>their %Ln face in the Amazon Rekognition collection {collection};</numerusform>
            <numerusform>their %Ln faces in the Amazon Rekognition collection {collection};</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Signed in as {account}. Deleting the Amazon Rekognition collection &lt;b&gt;{collection}&lt;/b&gt; in {region} deletes the %Ln face(s) it holds, for good, for every library that uses it. The photos and the libraries stay (their people, names and groups), but new photos can no longer be matched to the people they hold. &lt;b&gt;This cannot be undone.&lt;/b&gt;</source>
        <translation>
            <numerusform>Signed in as {account}. Deleting the Amazon Rekognition collection &lt;b&gt;{collection}&lt;/b&gt; in {region} deletes the %Ln face it holds, for good, for every library that uses it. The photos and the libraries stay (their people, names and groups), but new photos can no longer be matched to the people they hold. &lt;b&gt;This cannot be undone.&lt;/b&gt;</numerusform>
            <numerusform>Signed in as {account}. Deleting the Amazon Rekognition collection &lt;b&gt;{collection}&lt;/b&gt; in {region} deletes the %Ln faces it holds, for good, for every library that uses it. The photos and the libraries stay (their people, names and groups), but new photos can no longer be matched to the people they hold. &lt;b&gt;This cannot be undone.&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln XMP sidecar(s)</source>
        <translation>
            <numerusform>%Ln XMP sidecar</numerusform>
            <numerusform>%Ln XMP sidecars</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln named face(s)</source>
        <translation>
            <numerusform>%Ln named face</numerusform>
            <numerusform>%Ln named faces</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln sidecar(s) could not be written, for example {path}: {reason}. Activity lists them all.</source>
        <translation>
            <numerusform>%Ln sidecar could not be written, for example {path}: {reason}. Activity lists them all.</numerusform>
            <numerusform>%Ln sidecars could not be written, for example {path}: {reason}. Activity lists them all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Linked %Ln photo(s) of {name} to {folder}</source>
        <translation>
            <numerusform>Linked %Ln photo of {name} to {folder}</numerusform>
            <numerusform>Linked %Ln photos of {name} to {folder}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln photo(s) of {name} to {folder}</source>
        <translation>
            <numerusform>Copied %Ln photo of {name} to {folder}</numerusform>
            <numerusform>Copied %Ln photos of {name} to {folder}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln face(s) with their descriptors</source>
        <translation>
            <numerusform>%Ln face with their descriptors</numerusform>
            <numerusform>%Ln faces with their descriptors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln face thumbnail(s)</source>
        <translation>
            <numerusform>%Ln face thumbnail</numerusform>
            <numerusform>%Ln face thumbnails</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln face(s) in the cloud collection</source>
        <translation>
            <numerusform>%Ln face in the cloud collection</numerusform>
            <numerusform>%Ln faces in the cloud collection</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln edit(s) of the undo history</source>
        <translation>
            <numerusform>%Ln edit of the undo history</numerusform>
            <numerusform>%Ln edits of the undo history</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Forgot {name}: deleted {items}. The %Ln photo(s) [stays|stay].</source>
        <translation>
            <numerusform>Forgot {name}: deleted {items}. The %Ln photo stays.</numerusform>
            <numerusform>Forgot {name}: deleted {items}. The %Ln photos stay.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Queued: %Ln item(s) will be imported after the current import</source>
        <translation>
            <numerusform>Queued: %Ln item will be imported after the current import</numerusform>
            <numerusform>Queued: %Ln items will be imported after the current import</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{status} · %Ln more queued</source>
        <translation>
            <numerusform>{status} · %Ln more queued</numerusform>
            <numerusform>{status} · %Ln more queued</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) could not be imported. The import goes on.</source>
        <translation>
            <numerusform>%Ln file could not be imported. The import goes on.</numerusform>
            <numerusform>%Ln files could not be imported. The import goes on.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) could not be imported.</source>
        <translation>
            <numerusform>%Ln file could not be imported.</numerusform>
            <numerusform>%Ln files could not be imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Updated %Ln XMP sidecar(s)</source>
        <translation>
            <numerusform>Updated %Ln XMP sidecar</numerusform>
            <numerusform>Updated %Ln XMP sidecars</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{updated}; %Ln could not be written (listed in Activity)</source>
        <translation>
            <numerusform>{updated}; %Ln could not be written (listed in Activity)</numerusform>
            <numerusform>{updated}; %Ln could not be written (listed in Activity)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new photo(s)</source>
        <translation>
            <numerusform>%Ln new photo</numerusform>
            <numerusform>%Ln new photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s) moved</source>
        <translation>
            <numerusform>%Ln photo moved</numerusform>
            <numerusform>%Ln photos moved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln face(s), in {folder}</source>
        <translation>
            <numerusform>%Ln face, in {folder}</numerusform>
            <numerusform>%Ln faces, in {folder}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s) missing</source>
        <translation>
            <numerusform>%Ln photo missing</numerusform>
            <numerusform>%Ln photos missing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s) offline</source>
        <translation>
            <numerusform>%Ln photo offline</numerusform>
            <numerusform>%Ln photos offline</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %Ln Photo(s) from Library</source>
        <translation>
            <numerusform>Remove %Ln Photo from Library</numerusform>
            <numerusform>Remove %Ln Photos from Library</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %Ln photo(s) and its(their) {faces} from the library?</source>
        <translation>
            <numerusform>Remove %Ln photo and its {faces} from the library?</numerusform>
            <numerusform>Remove %Ln photos and their {faces} from the library?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s) back</source>
        <translation>
            <numerusform>%Ln photo back</numerusform>
            <numerusform>%Ln photos back</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) could not be imported</source>
        <translation>
            <numerusform>%Ln file could not be imported</numerusform>
            <numerusform>%Ln files could not be imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sync of {folders} and %Ln more</source>
        <translation>
            <numerusform>Sync of {folders} and %Ln more</numerusform>
            <numerusform>Sync of {folders} and %Ln more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln folder(s)</source>
        <translation>
            <numerusform>%Ln folder</numerusform>
            <numerusform>%Ln folders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s) together, no one else</source>
        <translation>
            <numerusform>%Ln photo together, no one else</numerusform>
            <numerusform>%Ln photos together, no one else</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s) together</source>
        <translation>
            <numerusform>%Ln photo together</numerusform>
            <numerusform>%Ln photos together</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln face(s): {names}</source>
        <translation>
            <numerusform>%Ln face: {names}</numerusform>
            <numerusform>%Ln faces: {names}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>That box is too small for a face (at least %Ln pixel(s) of the photo)</source>
        <translation>
            <numerusform>That box is too small for a face (at least %Ln pixel of the photo)</numerusform>
            <numerusform>That box is too small for a face (at least %Ln pixels of the photo)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merge %Ln person(s)</source>
        <translation>
            <numerusform>Merge %Ln person</numerusform>
            <numerusform>Merge %Ln people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hide %Ln person(s)</source>
        <translation>
            <numerusform>Hide %Ln person</numerusform>
            <numerusform>Hide %Ln people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show %Ln person(s)</source>
        <translation>
            <numerusform>Show %Ln person</numerusform>
            <numerusform>Show %Ln people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not this person (%Ln face(s))</source>
        <translation>
            <numerusform>Not this person (%Ln face)</numerusform>
            <numerusform>Not this person (%Ln faces)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not a face (%Ln face(s))</source>
        <translation>
            <numerusform>Not a face (%Ln face)</numerusform>
            <numerusform>Not a face (%Ln faces)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ignore %Ln face(s)</source>
        <translation>
            <numerusform>Ignore %Ln face</numerusform>
            <numerusform>Ignore %Ln faces</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Review: {answer} (%Ln question(s))</source>
        <translation>
            <numerusform>Review: {answer} (%Ln question)</numerusform>
            <numerusform>Review: {answer} (%Ln questions)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Signed in as {account}. Collection “{collection}” in {region} holds %Ln face(s).</source>
        <translation>
            <numerusform>Signed in as {account}. Collection “{collection}” in {region} holds %Ln face.</numerusform>
            <numerusform>Signed in as {account}. Collection “{collection}” in {region} holds %Ln faces.</numerusform>
        </translation>
    </message>
</context>
</TS>
