<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <source>Log in to the clinic server. Cancel opens the database file of this computer instead.</source>
        <translation>Inicie sesión en el servidor de la clínica. Cancelar abre en su lugar el archivo de base de datos de este ordenador.</translation>
    </message>
    <message>
        <source>HepDesk could not connect: %1</source>
        <translation>HepDesk no pudo conectar: %1</translation>
    </message>
    <message>
        <source>high risk</source>
        <translation>riesgo alto</translation>
    </message>
    <message>
        <source>medium risk</source>
        <translation>riesgo medio</translation>
    </message>
    <message>
        <source>low risk</source>
        <translation>riesgo bajo</translation>
    </message>
    <message>
        <source>%1: not recorded</source>
        <translation>%1: no registrado</translation>
    </message>
    <message>
        <source>%1: %2 % (%3 of 10 answered), %4</source>
        <translation>%1: %2 % (%3 de 10 respondidas), %4</translation>
    </message>
    <message>
        <source> — unreliable: too few answered</source>
        <translation> — poco fiable: demasiadas sin responder</translation>
    </message>
    <message>
        <source>HepDesk cannot start</source>
        <translation>HepDesk no puede iniciarse</translation>
    </message>
    <message>
        <source>HepDesk: back and neck screening and safe home-exercise handouts.</source>
        <translation>HepDesk: cribado de espalda y cuello y hojas de ejercicios seguros para casa.</translation>
    </message>
    <message>
        <source>Database file (default: %1), or a clinic server&apos;s postgresql:// address.</source>
        <translation>Archivo de base de datos (por defecto: %1), o la dirección postgresql:// del servidor de la clínica.</translation>
    </message>
    <message>
        <source>path</source>
        <translation>ruta</translation>
    </message>
    <message>
        <source>Show the main window, save it as a PNG to &lt;file&gt;, and quit (smoke check).</source>
        <translation>Muestra la ventana principal, la guarda como PNG en &lt;archivo&gt; y sale (comprobación rápida).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <source>Print start-up, search and preview times, then quit.</source>
        <translation>Muestra los tiempos de arranque, búsqueda y vista previa, y sale.</translation>
    </message>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation>No se puede crear la carpeta de datos %1.</translation>
    </message>
    <message>
        <source>The program&apos;s data files are damaged or missing: %1
Reinstall HepDesk.</source>
        <translation>Los archivos de datos del programa están dañados o faltan: %1
Vuelva a instalar HepDesk.</translation>
    </message>
    <message>
        <source>Interface language for this run: en (English) or es (Spanish). Without it, the choice in Settings, else the system language.</source>
        <translation>Idioma de la interfaz para esta ejecución: en (inglés) o es (español). Sin esta opción, se usa lo elegido en Configuración o, si no, el idioma del sistema.</translation>
    </message>
    <message>
        <source>language</source>
        <translation>idioma</translation>
    </message>
</context>
<context>
    <name>UnsavedChangesGuard</name>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>ticked</source>
        <translation>marcado</translation>
    </message>
    <message>
        <source>not ticked</source>
        <translation>sin marcar</translation>
    </message>
    <message>
        <source>an unnamed field</source>
        <translation>un campo sin nombre</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>¿Descartar los cambios?</translation>
    </message>
    <message>
        <source>Changed and not saved: %1.

Discard throws these changes away; Cancel goes back to them.</source>
        <translation>Cambiado y sin guardar: %1.

Descartar elimina estos cambios; Cancelar vuelve a ellos.</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Neck</source>
        <translation>Cuello</translation>
    </message>
    <message>
        <source>Mid back</source>
        <translation>Zona dorsal</translation>
    </message>
    <message>
        <source>Low back</source>
        <translation>Zona lumbar</translation>
    </message>
    <message>
        <source>Unspecified</source>
        <translation>Sin especificar</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Mujer</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Hombre</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Flexion</source>
        <translation>Flexión</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>Extensión</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>Rotación</translation>
    </message>
    <message>
        <source>Side bend</source>
        <translation>Inclinación lateral</translation>
    </message>
    <message>
        <source>Traction</source>
        <translation>Tracción</translation>
    </message>
    <message>
        <source>Soft tissue</source>
        <translation>Tejidos blandos</translation>
    </message>
    <message>
        <source>Breathing</source>
        <translation>Respiración</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>De pie</translation>
    </message>
    <message>
        <source>Sitting</source>
        <translation>Sentado</translation>
    </message>
    <message>
        <source>Lying on back</source>
        <translation>Tumbado boca arriba</translation>
    </message>
    <message>
        <source>Lying on front</source>
        <translation>Tumbado boca abajo</translation>
    </message>
    <message>
        <source>All fours</source>
        <translation>A cuatro patas</translation>
    </message>
    <message>
        <source>Kneeling</source>
        <translation>De rodillas</translation>
    </message>
    <message>
        <source>Lunge</source>
        <translation>Zancada</translation>
    </message>
    <message>
        <source>Hanging</source>
        <translation>Colgado</translation>
    </message>
    <message>
        <source>Mat</source>
        <translation>Esterilla</translation>
    </message>
    <message>
        <source>Bed</source>
        <translation>Cama</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Silla</translation>
    </message>
    <message>
        <source>Pillow</source>
        <translation>Almohada</translation>
    </message>
    <message>
        <source>Towel</source>
        <translation>Toalla</translation>
    </message>
    <message>
        <source>Ball</source>
        <translation>Pelota</translation>
    </message>
    <message>
        <source>Foam roller</source>
        <translation>Rodillo de espuma</translation>
    </message>
    <message>
        <source>Bar</source>
        <translation>Barra</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Mild</source>
        <translation>Leve</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>Moderado</translation>
    </message>
    <message>
        <source>Severe</source>
        <translation>Grave</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Completo</translation>
    </message>
    <message>
        <source>Minimal</source>
        <translation>Mínimo</translation>
    </message>
    <message>
        <source>Crippling</source>
        <translation>Incapacitante</translation>
    </message>
    <message>
        <source>Bed-bound</source>
        <translation>Encamado</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Bajo</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Medio</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alto</translation>
    </message>
    <message>
        <source>Cauda equina</source>
        <translation>Cauda equina</translation>
    </message>
    <message>
        <source>Fracture</source>
        <translation>Fractura</translation>
    </message>
    <message>
        <source>Malignancy</source>
        <translation>Neoplasia</translation>
    </message>
    <message>
        <source>Infection</source>
        <translation>Infección</translation>
    </message>
    <message>
        <source>Neurological</source>
        <translation>Neurológico</translation>
    </message>
    <message>
        <source>Vascular</source>
        <translation>Vascular</translation>
    </message>
    <message>
        <source>Refer and monitor</source>
        <translation>Derivar y vigilar</translation>
    </message>
    <message>
        <source>Contraindication</source>
        <translation>Contraindicación</translation>
    </message>
</context>
<context>
    <name>hepdesk::gui::BackupRunner</name>
    <message>
        <source>records were changed outside HepDesk: %1</source>
        <translation>se cambiaron registros fuera de HepDesk: %1</translation>
    </message>
    <message numerus="yes">
        <source> (and %n more; &apos;hepdesk-cli db check&apos; lists them all)</source>
        <translation>
            <numerusform> (y %n más; &apos;hepdesk-cli db check&apos; los muestra todos)</numerusform>
            <numerusform> (y %n más; &apos;hepdesk-cli db check&apos; los muestra todos)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hepdesk::gui::CatalogModel</name>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Not screened</source>
        <translation>Sin cribado</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>Excluido</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>Precaución</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>Apto</translation>
    </message>
    <message>
        <source>Screening not done yet</source>
        <translation>Cribado aún sin hacer</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Ejercicio</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Posición</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation>Idoneidad</translation>
    </message>
    <message>
        <source>No exercises until the referral: %1</source>
        <translation>Ningún ejercicio hasta la derivación: %1</translation>
    </message>
    <message>
        <source>Blocked: %1</source>
        <translation>Bloqueado: %1</translation>
    </message>
</context>
<context>
    <name>hepdesk::gui::CustomExerciseDialog</name>
    <message>
        <source>Clinic exercise</source>
        <translation>Ejercicio de la clínica</translation>
    </message>
    <message>
        <source>Exercise to edit</source>
        <translation>Ejercicio que se va a modificar</translation>
    </message>
    <message>
        <source>New exercise</source>
        <translation>Ejercicio nuevo</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Identificador</translation>
    </message>
    <message>
        <source>lowercase_with_underscores, e.g. clinic_wall_slide</source>
        <translation>minusculas_con_guiones_bajos, p. ej. clinica_deslizamiento_pared</translation>
    </message>
    <message>
        <source>&amp;Edit:</source>
        <translation>&amp;Modificar:</translation>
    </message>
    <message>
        <source>&amp;Identifier:</source>
        <translation>&amp;Identificador:</translation>
    </message>
    <message>
        <source>Name (%1)</source>
        <translation>Nombre (%1)</translation>
    </message>
    <message>
        <source>Name (%1):</source>
        <translation>Nombre (%1):</translation>
    </message>
    <message>
        <source>Regions:</source>
        <translation>Regiones:</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Posición</translation>
    </message>
    <message>
        <source>&amp;Position:</source>
        <translation>&amp;Posición:</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>ids separated by commas, e.g. mat, chair</source>
        <translation>identificadores separados por comas, p. ej. mat, chair</translation>
    </message>
    <message>
        <source>E&amp;quipment:</source>
        <translation>M&amp;aterial:</translation>
    </message>
    <message>
        <source>Movements:</source>
        <translation>Movimientos:</translation>
    </message>
    <message>
        <source>Steps (%1), one per line</source>
        <translation>Pasos (%1), uno por línea</translation>
    </message>
    <message>
        <source>Steps (%1), one per line:</source>
        <translation>Pasos (%1), uno por línea:</translation>
    </message>
    <message>
        <source>Tips (%1), one per line</source>
        <translation>Consejos (%1), uno por línea</translation>
    </message>
    <message>
        <source>Tips (%1):</source>
        <translation>Consejos (%1):</translation>
    </message>
    <message>
        <source>Stop if (%1), one per line</source>
        <translation>Parar si (%1), uno por línea</translation>
    </message>
    <message>
        <source>Stop if (%1):</source>
        <translation>Parar si (%1):</translation>
    </message>
    <message>
        <source>Picture description (%1)</source>
        <translation>Descripción de la imagen (%1)</translation>
    </message>
    <message>
        <source>Picture in words (%1):</source>
        <translation>La imagen en palabras (%1):</translation>
    </message>
    <message>
        <source>Default dosage:</source>
        <translation>Dosis predeterminada:</translation>
    </message>
    <message>
        <source>
Nothing was saved; correct it and press Save again.</source>
        <translation>
No se ha guardado nada; corríjalo y pulse Guardar de nuevo.</translation>
    </message>
    <message>
        <source>Clinic exercise %1 no longer passes the catalog checks; re-enter it.</source>
        <translation>El ejercicio de la clínica %1 ya no supera las comprobaciones del catálogo; vuelva a introducirlo.</translation>
    </message>
    <message>
        <source>Identifier: &quot;%1&quot; is a shipped exercise; choose another identifier.</source>
        <translation>Identificador: «%1» es un ejercicio incluido con el programa; elija otro identificador.</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Choose p&amp;hoto…</source>
        <translation>Elegir &amp;foto…</translation>
    </message>
    <message>
        <source>A PNG or JPEG picture of the exercise, at most 5 MiB</source>
        <translation>Una imagen PNG o JPEG del ejercicio, de 5 MiB como máximo</translation>
    </message>
    <message>
        <source>Remo&amp;ve photo</source>
        <translation>&amp;Quitar foto</translation>
    </message>
    <message>
        <source>Printed on the handout where the catalog&apos;s exercises have their drawing. PNG or JPEG, at most 5 MiB.</source>
        <translation>Se imprime en la hoja donde los ejercicios del catálogo llevan su dibujo. PNG o JPEG, de 5 MiB como máximo.</translation>
    </message>
    <message>
        <source>Photo:</source>
        <translation>Foto:</translation>
    </message>
    <message>
        <source>%1 × %2 pixels, %3 bytes</source>
        <translation>%1 × %2 píxeles, %3 bytes</translation>
    </message>
    <message>
        <source>Photo %1: the picture is damaged and cannot be shown. Save it again from the camera or photo program and choose it again.</source>
        <translation>Foto %1: la imagen está dañada y no se puede mostrar. Vuelva a guardarla desde la cámara o el programa de fotos y elíjala de nuevo.</translation>
    </message>
    <message>
        <source>The photo %1 cannot be used.</source>
        <translation>No se puede usar la foto %1.</translation>
    </message>
    <message>
        <source>The exercise keeps its current photo.</source>
        <translation>El ejercicio conserva su foto actual.</translation>
    </message>
    <message>
        <source>The exercise still has no photo.</source>
        <translation>El ejercicio sigue sin foto.</translation>
    </message>
    <message>
        <source>Choose a photo of the exercise</source>
        <translation>Elija una foto del ejercicio</translation>
    </message>
    <message>
        <source>Photos (*.png *.jpg *.jpeg *.PNG *.JPG *.JPEG)</source>
        <translation>Fotos (*.png *.jpg *.jpeg *.PNG *.JPG *.JPEG)</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>Sin foto</translation>
    </message>
    <message>
        <source>No photo: the handout shows no picture</source>
        <translation>Sin foto: la hoja no muestra ninguna imagen</translation>
    </message>
    <message>
        <source>Photo of %1 × %2 pixels</source>
        <translation>Foto de %1 × %2 píxeles</translation>
    </message>
</context>
<context>
    <name>hepdesk::gui::DosageEditor</name>
    <message>
        <source>Sets</source>
        <translation>Series</translation>
    </message>
    <message>
        <source>Repetitions</source>
        <translation>Repeticiones</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>Hold or duration</source>
        <translation>Mantener o duración</translation>
    </message>
    <message>
        <source>Unit of the hold</source>
        <translation>Unidad del tiempo</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>segundos</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutos</translation>
    </message>
    <message>
        <source>Times a day</source>
        <translation>Veces al día</translation>
    </message>
    <message>
        <source>Days a week</source>
        <translation>Días a la semana</translation>
    </message>
    <message>
        <source>Number of weeks</source>
        <translation>Número de semanas</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>sin fijar</translation>
    </message>
    <message>
        <source>Each side</source>
        <translation>Cada lado</translation>
    </message>
    <message>
        <source>S&amp;ets:</source>
        <translation>&amp;Series:</translation>
    </message>
    <message>
        <source>Re&amp;petitions:</source>
        <translation>&amp;Repeticiones:</translation>
    </message>
    <message>
        <source>&amp;Hold:</source>
        <translation>&amp;Mantener:</translation>
    </message>
    <message>
        <source>How &amp;often:</source>
        <translation>&amp;Frecuencia:</translation>
    </message>
    <message>
        <source>Days a wee&amp;k:</source>
        <translation>Días a &amp;la semana:</translation>
    </message>
    <message>
        <source>Weeks:</source>
        <translation>Semanas:</translation>
    </message>
    <message>
        <source>Not kept</source>
        <translation>No se guarda</translation>
    </message>
    <message>
        <source>%1. The program keeps the last allowed dosage until this is changed.</source>
        <translation>%1. El programa conserva la última dosis permitida hasta que esto se corrija.</translation>
    </message>
    <message>
        <source>%1 seconds is not a whole number of minutes, so the hold stays in seconds.</source>
        <translation>%1 segundos no son minutos enteros, así que el tiempo sigue en segundos.</translation>
    </message>
    <message>
        <source>%1 minutes is too long to show in seconds; the hold stays in minutes.</source>
        <translation>%1 minutos es demasiado para mostrarlo en segundos; el tiempo sigue en minutos.</translation>
    </message>
</context>
<context>
    <name>hepdesk::gui::ExercisesPage</name>
    <message>
        <source>This patient&apos;s regions</source>
        <translation>Zonas de este paciente</translation>
    </message>
    <message>
        <source>This patient&apos;s regions (none recorded yet)</source>
        <translation>Zonas de este paciente (aún sin registrar)</translation>
    </message>
    <message>
        <source>This patient&apos;s regions: %1</source>
        <translation>Zonas de este paciente: %1</translation>
    </message>
    <message>
        <source>Exercise search</source>
        <translation>Búsqueda de ejercicios</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>Todas las regiones</translation>
    </message>
    <message>
        <source>Region filter</source>
        <translation>Filtro de región</translation>
    </message>
    <message>
        <source>All positions</source>
        <translation>Todas las posiciones</translation>
    </message>
    <message>
        <source>Position filter</source>
        <translation>Filtro de posición</translation>
    </message>
    <message>
        <source>Any equipment</source>
        <translation>Cualquier material</translation>
    </message>
    <message>
        <source>No equipment</source>
        <translation>Sin material</translation>
    </message>
    <message>
        <source>Equipment filter</source>
        <translation>Filtro de material</translation>
    </message>
    <message>
        <source>Exercise catalog</source>
        <translation>Catálogo de ejercicios</translation>
    </message>
    <message>
        <source>Exercise details and eligibility</source>
        <translation>Detalles del ejercicio e idoneidad</translation>
    </message>
    <message>
        <source>&amp;Add to program</source>
        <translation>&amp;Añadir al programa</translation>
    </message>
    <message>
        <source>Add the selected exercise (Enter in the list)</source>
        <translation>Añade el ejercicio seleccionado (Intro en la lista)</translation>
    </message>
    <message>
        <source>Home program, in order</source>
        <translation>Programa para casa, en orden</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>S&amp;ubir</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>&amp;Bajar</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Note to the patient for this exercise</source>
        <translation>Nota al paciente para este ejercicio</translation>
    </message>
    <message>
        <source>Note printed with this exercise (optional)</source>
        <translation>Nota impresa con este ejercicio (opcional)</translation>
    </message>
    <message>
        <source>Dosage of the selected exercise</source>
        <translation>Dosis del ejercicio seleccionado</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <source>Added; the program has %1 now.</source>
        <translation>Añadido; el programa tiene ahora %1.</translation>
    </message>
    <message>
        <source>Select an exercise in the catalog first.</source>
        <translation>Seleccione primero un ejercicio del catálogo.</translation>
    </message>
    <message>
        <source>Select an exercise to see how it is done and whether it is safe for this patient.</source>
        <translation>Seleccione un ejercicio para ver cómo se hace y si es seguro para este paciente.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Not screened yet: record the screening first.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Aún sin cribado: registre primero el cribado.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#A30000&apos;&gt;&lt;b&gt;Excluded for this patient:&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#A30000&apos;&gt;&lt;b&gt;Excluido para este paciente:&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#8A4B00&apos;&gt;&lt;b&gt;Caution for this patient:&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#8A4B00&apos;&gt;&lt;b&gt;Precaución para este paciente:&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#1B7F3A&apos;&gt;&lt;b&gt;Eligible.&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#1B7F3A&apos;&gt;&lt;b&gt;Apto.&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Screening not done yet.&lt;/b&gt; The exercise can be planned; the handout and the signature wait until the screening is recorded (step 1).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Cribado aún sin hacer.&lt;/b&gt; El ejercicio se puede pautar; la hoja y la firma esperan a que se registre el cribado (paso 1).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>⚠ %1 exercises: more than %2 lowers how many patients keep doing them. Consider fewer.</source>
        <translation>⚠ %1 ejercicios: con más de %2, menos pacientes siguen haciéndolos. Valore poner menos.</translation>
    </message>
    <message>
        <source>Search exercises (%1); Enter goes to the list</source>
        <translation>Buscar ejercicios (%1); Intro lleva a la lista</translation>
    </message>
    <message>
        <source>&lt;b&gt;Home program&lt;/b&gt; (drag, or %1 / %2, to reorder)</source>
        <translation>&lt;b&gt;Programa para casa&lt;/b&gt; (arrastre, o use %1 / %2, para reordenar)</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#A30000&apos;&gt;&lt;b&gt;Blocked by the triage: refer the patient first.&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#A30000&apos;&gt;&lt;b&gt;Bloqueado por el triaje: derive primero al paciente.&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Not added.</source>
        <translation>No se ha añadido.</translation>
    </message>
    <message>
        <source>Caution for this patient</source>
        <translation>Precaución para este paciente</translation>
    </message>
    <message>
        <source>%1 needs caution for this patient:</source>
        <translation>%1 requiere precaución para este paciente:</translation>
    </message>
    <message>
        <source>Add with caution</source>
        <translation>Añadir con precaución</translation>
    </message>
    <message>
        <source>Do not add</source>
        <translation>No añadir</translation>
    </message>
    <message>
        <source>Easier</source>
        <translation>Más fácil</translation>
    </message>
    <message>
        <source>Harder</source>
        <translation>Más difícil</translation>
    </message>
    <message>
        <source>easier</source>
        <translation>más fácil</translation>
    </message>
    <message>
        <source>harder</source>
        <translation>más difícil</translation>
    </message>
    <message>
        <source>Select an exercise of the program to swap it for an %1 version.</source>
        <translation>Seleccione un ejercicio del programa para cambiarlo por una versión %1.</translation>
    </message>
    <message>
        <source>This session is signed: its program can no longer change.</source>
        <translation>Esta sesión está firmada: su programa ya no puede cambiar.</translation>
    </message>
    <message>
        <source>Record the screening first: exercises are checked against it.</source>
        <translation>Registre primero la evaluación: los ejercicios se comprueban con ella.</translation>
    </message>
    <message>
        <source>No %1 version of this exercise in the catalog.</source>
        <translation>No hay una versión %1 de este ejercicio en el catálogo.</translation>
    </message>
    <message>
        <source>%1 (finding: %2)</source>
        <translation>%1 (hallazgo: %2)</translation>
    </message>
    <message>
        <source>The %1 version, %2, is excluded for this patient: %3</source>
        <translation>La versión %1, %2, está excluida para este paciente: %3</translation>
    </message>
    <message>
        <source>The %1 version, %2, is already in the program.</source>
        <translation>La versión %1, %2, ya está en el programa.</translation>
    </message>
    <message>
        <source>Swap for %1, the %2 version, keeping the dosage where it fits.</source>
        <translation>Cambiar por %1, la versión %2, manteniendo la dosis cuando encaja.</translation>
    </message>
    <message>
        <source>It carries a caution for this patient.</source>
        <translation>Tiene una precaución para este paciente.</translation>
    </message>
    <message>
        <source>Swapped for %1.</source>
        <translation>Cambiado por %1.</translation>
    </message>
</context>
<context>
    <name>hepdesk::gui::FhirExportActions</name>
    <message>
        <source>Export for &amp;health record (FHIR)…</source>
        <translation>Exportar para la &amp;historia clínica (FHIR)…</translation>
    </message>
    <message>
        <source>Save the selected session as an HL7 FHIR file for the clinic&apos;s health record</source>
        <translation>Guarda la sesión seleccionada como archivo HL7 FHIR para la historia clínica del centro</translation>
    </message>
    <message>
        <source>Export patient for health &amp;record (FHIR)…</source>
        <translation>Exportar paciente para la historia &amp;clínica (FHIR)…</translation>
    </message>
    <message>
        <source>Save the patient and all sessions as an HL7 FHIR file for the clinic&apos;s health record</source>
        <translation>Guarda al paciente y todas sus sesiones como archivo HL7 FHIR para la historia clínica del centro</translation>
    </message>
    <message>
        <source>Export for health record (FHIR)</source>
        <translation>Exportar para la historia clínica (FHIR)</translation>
    </message>
    <message>
        <source>FHIR JSON (*.json)</source>
        <translation>FHIR JSON (*.json)</translation>
    </message>
    <message>
        <source>The file was not written: %1</source>
        <translation>No se escribió el archivo: %1</translation>
    </message>
    <message>
        <source>Saved for the health record: %1</source>
        <translation>Guardado para la historia clínica: %1</translation>
    </message>
</context>
<context>
    <name>hepdesk::gui::HandoutPage</name>
    <message>
        <source>Handout language</source>
        <translation>Idioma de la hoja</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés (English)</translation>
    </message>
    <message>
        <source>Spanish (Español)</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>&amp;Large print (18 pt)</source>
        <translation>&amp;Letra grande (18 pt)</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Tamaño del papel</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>Carta (EE. UU.)</translation>
    </message>
    <message>
        <source>Override reason</source>
        <translation>Motivo de la excepción</translation>
    </message>
    <message>
        <source>The handout&apos;s font cannot draw some characters; they show as empty boxes in the PDF. Check them with the patient (a name may be written in Latin letters): %1</source>
        <translation>La letra de la hoja no puede dibujar algunos caracteres; en el PDF aparecen como cuadros vacíos. Revíselos con el paciente (un nombre puede escribirse en letras latinas): %1</translation>
    </message>
    <message>
        <source>Why a handout is given despite the referral (printed on the handout)</source>
        <translation>Por qué se entrega una hoja a pesar de la derivación (se imprime en la hoja)</translation>
    </message>
    <message>
        <source>O&amp;verride reason:</source>
        <translation>Motivo de la e&amp;xcepción:</translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation>&amp;Exportar PDF…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Opciones:</translation>
    </message>
    <message>
        <source>O&amp;verride reason (%1):</source>
        <translation>Motivo de la e&amp;xcepción (%1):</translation>
    </message>
    <message>
        <source>Add at least one exercise (step 2) to make a handout.</source>
        <translation>Añada al menos un ejercicio (paso 2) para crear la hoja.</translation>
    </message>
    <message>
        <source>The printer could not be started; check that it is connected and try again.</source>
        <translation>No se ha podido iniciar la impresora; compruebe que está conectada e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Print previe&amp;w…</source>
        <translation>&amp;Vista previa de impresión…</translation>
    </message>
    <message>
        <source>Home exercise program — %1</source>
        <translation>Programa de ejercicios en casa — %1</translation>
    </message>
    <message>
        <source>Save the handout as a PDF (%1)</source>
        <translation>Guarda la hoja de ejercicios como PDF (%1)</translation>
    </message>
    <message>
        <source>Print the handout (%1)</source>
        <translation>Imprime la hoja de ejercicios (%1)</translation>
    </message>
    <message>
        <source>See the sheets as the printer gets them (%1)</source>
        <translation>Muestra las hojas tal como le llegan a la impresora (%1)</translation>
    </message>
    <message>
        <source>Why the handout is given despite the referral</source>
        <translation>Por qué se da la hoja pese a la derivación</translation>
    </message>
    <message>
        <source>Choose why…</source>
        <translation>Elija el motivo…</translation>
    </message>
    <message>
        <source>Patient declines referral and was told the risk</source>
        <translation>El paciente rechaza la derivación y conoce el riesgo</translation>
    </message>
    <message>
        <source>Already seen by a doctor for this today</source>
        <translation>Ya le ha visto un médico por esto hoy</translation>
    </message>
    <message>
        <source>Referral arranged, exercises agreed with the doctor</source>
        <translation>Derivación organizada, ejercicios acordados con el médico</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro motivo</translation>
    </message>
    <message>
        <source>In a sentence: what was said or agreed (kept in the record and on the clinician&apos;s copy, never the patient&apos;s)</source>
        <translation>En una frase: qué se dijo o acordó (queda en la historia y en la copia del profesional, nunca en la del paciente)</translation>
    </message>
    <message>
        <source>Clinician&apos;s copy (with the override page; not given to the patient, not recorded)</source>
        <translation>Copia del profesional (con la página de la justificación; no se entrega al paciente ni se registra)</translation>
    </message>
    <message>
        <source>No handout yet: the screening calls for a medical referral first. Refer the patient as the banner says. If you still give exercises, choose why above and say it in a sentence; the patient&apos;s copy then opens with what the triage means for them.</source>
        <translation>Todavía no hay hoja: el cribado indica primero una derivación médica. Derive al paciente como indica el aviso. Si aun así pauta ejercicios, elija el motivo arriba y explíquelo en una frase; la copia del paciente empezará diciendo qué significa el triaje para él.</translation>
    </message>
    <message>
        <source>No handout to show yet.</source>
        <translation>Todavía no hay hoja que mostrar.</translation>
    </message>
    <message>
        <source>Exercise l&amp;og page (two weeks to tick)</source>
        <translation>Página de &amp;registro de ejercicios (dos semanas para marcar)</translation>
    </message>
    <message>
        <source>Adds a last page: a tick box per exercise and day for two weeks, a row for pain 0-10 and room for a note. The patient brings it to the next visit.</source>
        <translation>Añade una última página: una casilla por ejercicio y día durante dos semanas, una fila para el dolor de 0 a 10 y espacio para una nota. El paciente la trae a la próxima visita.</translation>
    </message>
    <message>
        <source>&amp;Your goals (the PSFS activities)</source>
        <translation>&amp;Sus metas (las actividades de la PSFS)</translation>
    </message>
    <message>
        <source>Prints &quot;Your goals&quot;: the activities the patient named on the Patient-Specific Functional Scale (step 1).</source>
        <translation>Imprime «Sus metas»: las actividades que el paciente nombró en la Escala Funcional Específica del Paciente (paso 1).</translation>
    </message>
    <message>
        <source>Add:</source>
        <translation>Añadir:</translation>
    </message>
</context>
<context>
    <name>hepdesk::gui::HandoutPreview</name>
    <message>
        <source>Handout preview</source>
        <translation>Vista previa de la hoja</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n página</numerusform>
            <numerusform>%n páginas</numerusform>
        </translation>
    </message>
    <message>
        <source>◀ Previous page</source>
        <translation>◀ Página anterior</translation>
    </message>
    <message>
        <source>Previous page (Ctrl+Page Up)</source>
        <translation>Página anterior (Ctrl+Re Pág)</translation>
    </message>
    <message>
        <source>Next page ▶</source>
        <translation>Página siguiente ▶</translation>
    </message>
    <message>
        <source>Next page (Ctrl+Page Down)</source>
        <translation>Página siguiente (Ctrl+Av Pág)</translation>
    </message>
    <message>
        <source>Preview zoom</source>
        <translation>Zoom de la vista previa</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>Página entera</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Ajustar al ancho</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>Zoom:</source>
        <translation>Zoom:</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
</context>
<context>
    <name>hepdesk::gui::MainWindow</name>
    <message>
        <source>Connect to clinic ser&amp;ver…</source>
        <translation>Conectar con el ser&amp;vidor de la clínica…</translation>
    </message>
    <message>
        <source>Keep the records on the clinic's PostgreSQL server, shared by every workstation</source>
        <translation>Guardar los registros en el servidor PostgreSQL de la clínica, compartido por todos los puestos</translation>
    </message>
    <message>
        <source>HepDesk could not connect: %1
Check the fields and the password, then try again.</source>
        <translation>HepDesk no pudo conectar: %1
Revise los campos y la contraseña y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>No session was started.</source>
        <translation>No se ha empezado ninguna sesión.</translation>
    </message>
    <message>
        <source>The patient&apos;s details cannot be changed.</source>
        <translation>Los datos del paciente no se pueden cambiar.</translation>
    </message>
    <message>
        <source>%1 is archived: the record is read-only.</source>
        <translation>%1 está archivado: la historia es de solo lectura.</translation>
    </message>
    <message>
        <source>Their sessions can still be opened. An administrator can restore the patient (hepdesk-cli patient archive %1 --undo).</source>
        <translation>Sus sesiones se pueden seguir abriendo. Un administrador puede restaurar al paciente (hepdesk-cli patient archive %1 --undo).</translation>
    </message>
    <message>
        <source>HepDesk</source>
        <translation>HepDesk</translation>
    </message>
    <message>
        <source>Search patients by name, record number or date of birth</source>
        <translation>Buscar pacientes por nombre, número de historia o fecha de nacimiento</translation>
    </message>
    <message>
        <source>Patient search</source>
        <translation>Búsqueda de pacientes</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Pacientes</translation>
    </message>
    <message>
        <source>Daily backup written: %1</source>
        <translation>Copia de seguridad diaria guardada: %1</translation>
    </message>
    <message>
        <source>The daily backup FAILED: %1 — check the backup folder in Settings.</source>
        <translation>La copia de seguridad diaria HA FALLADO: %1 — revise la carpeta de copias en Configuración.</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base de datos: %1</translation>
    </message>
    <message>
        <source>&amp;New patient…</source>
        <translation>&amp;Nuevo paciente…</translation>
    </message>
    <message>
        <source>Add a patient to the clinic&apos;s list</source>
        <translation>Añade un paciente a la lista de la clínica</translation>
    </message>
    <message>
        <source>&amp;Edit patient…</source>
        <translation>Mo&amp;dificar paciente…</translation>
    </message>
    <message>
        <source>Change the selected patient&apos;s details</source>
        <translation>Cambia los datos del paciente seleccionado</translation>
    </message>
    <message>
        <source>&amp;Archive patient</source>
        <translation>Arc&amp;hivar paciente</translation>
    </message>
    <message>
        <source>Hide the selected patient from the list; their records are kept</source>
        <translation>Oculta de la lista al paciente seleccionado; sus registros se conservan</translation>
    </message>
    <message>
        <source>&amp;Find patient</source>
        <translation>&amp;Buscar paciente</translation>
    </message>
    <message>
        <source>Put the cursor in the patient search field</source>
        <translation>Lleva el cursor al campo de búsqueda de pacientes</translation>
    </message>
    <message>
        <source>&amp;Start session</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <source>Start a new visit for the selected patient</source>
        <translation>Empieza una nueva visita para el paciente seleccionado</translation>
    </message>
    <message>
        <source>&amp;Follow-up session</source>
        <translation>Sesión de se&amp;guimiento</translation>
    </message>
    <message>
        <source>Start a new visit from the last session&apos;s program</source>
        <translation>Empieza una nueva visita a partir del programa de la última sesión</translation>
    </message>
    <message>
        <source>&amp;Open session</source>
        <translation>A&amp;brir sesión</translation>
    </message>
    <message>
        <source>Open the selected session</source>
        <translation>Abre la sesión seleccionada</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>Clinic, clinician, handout defaults and backups</source>
        <translation>Clínica, profesional, valores predeterminados de las hojas y copias de seguridad</translation>
    </message>
    <message>
        <source>&amp;Clinic exercises…</source>
        <translation>E&amp;jercicios de la clínica…</translation>
    </message>
    <message>
        <source>Create or edit the clinic&apos;s own exercises</source>
        <translation>Crea o modifica los ejercicios propios de la clínica</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Close HepDesk</source>
        <translation>Cierra HepDesk</translation>
    </message>
    <message>
        <source>&amp;About HepDesk</source>
        <translation>&amp;Acerca de HepDesk</translation>
    </message>
    <message>
        <source>About HepDesk</source>
        <translation>Acerca de HepDesk</translation>
    </message>
    <message>
        <source>HepDesk %1
Screen first, then safe, self-paced movement.</source>
        <translation>HepDesk %1
Primero el cribado; después, movimiento seguro y al ritmo de cada paciente.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Sesión</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>La búsqueda ha fallado: %1</translation>
    </message>
    <message>
        <source>The changes were not saved.</source>
        <translation>Los cambios no se han guardado.</translation>
    </message>
    <message>
        <source>Check the disk and try again; the patient&apos;s previous details are kept.</source>
        <translation>Compruebe el disco e inténtelo de nuevo; se conservan los datos anteriores del paciente.</translation>
    </message>
    <message>
        <source>Archive patient</source>
        <translation>Archivar paciente</translation>
    </message>
    <message>
        <source>Hide %1 from the patient list? Their sessions stay in the database and the patient can be found again by an administrator.</source>
        <translation>¿Ocultar a %1 de la lista de pacientes? Sus sesiones se quedan en la base de datos y un administrador puede volver a encontrar al paciente.</translation>
    </message>
    <message>
        <source>The patient was not archived.</source>
        <translation>El paciente no se ha archivado.</translation>
    </message>
    <message>
        <source>Try again.</source>
        <translation>Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The patient was not saved.</source>
        <translation>El paciente no se ha guardado.</translation>
    </message>
    <message>
        <source>Check that the database folder is writable and the disk is not full, then try again. Nothing else was changed.</source>
        <translation>Compruebe que se puede escribir en la carpeta de la base de datos y que el disco no está lleno, e inténtelo de nuevo. No se ha cambiado nada más.</translation>
    </message>
    <message>
        <source>The patient was saved, but the list could not be refreshed.</source>
        <translation>El paciente se ha guardado, pero no se ha podido actualizar la lista.</translation>
    </message>
    <message>
        <source>Restart HepDesk to see the full list.</source>
        <translation>Reinicie HepDesk para ver la lista completa.</translation>
    </message>
    <message>
        <source>Added %1</source>
        <translation>Añadido: %1</translation>
    </message>
    <message>
        <source>The session could not be opened.</source>
        <translation>No se ha podido abrir la sesión.</translation>
    </message>
    <message>
        <source>Close other HepDesk windows and try again; if it persists, restore the latest backup.</source>
        <translation>Cierre las demás ventanas de HepDesk e inténtelo de nuevo; si persiste, restaure la copia de seguridad más reciente.</translation>
    </message>
    <message>
        <source>The settings could not be read.</source>
        <translation>No se ha podido leer la configuración.</translation>
    </message>
    <message>
        <source>Try again; if it persists, restore the latest backup.</source>
        <translation>Inténtelo de nuevo; si persiste, restaure la copia de seguridad más reciente.</translation>
    </message>
    <message>
        <source>Clinic exercises</source>
        <translation>Ejercicios de la clínica</translation>
    </message>
    <message>
        <source>Close the open session windows first: they show the catalog that is about to change.</source>
        <translation>Cierre primero las ventanas de sesión abiertas: muestran el catálogo que va a cambiar.</translation>
    </message>
    <message>
        <source>Some clinic exercises were left out: %1</source>
        <translation>Se han dejado fuera algunos ejercicios de la clínica: %1</translation>
    </message>
    <message>
        <source>The database is damaged: HepDesk is read-only.</source>
        <translation>La base de datos está dañada: HepDesk está en modo de solo lectura.</translation>
    </message>
    <message>
        <source>The database %1 is damaged.</source>
        <translation>La base de datos %1 está dañada.</translation>
    </message>
    <message>
        <source>The integrity check reported: %1

Nothing more will be written to it. Close HepDesk and restore the newest backup (hepdesk-cli db restore BACKUP), or call your IT support.</source>
        <translation>La comprobación de integridad ha informado: %1

No se escribirá nada más en ella. Cierre HepDesk y restaure la copia de seguridad más reciente (hepdesk-cli db restore COPIA), o llame a su servicio informático.</translation>
    </message>
    <message>
        <source>No patients yet.
Add the first patient (%1) to start a session.</source>
        <translation>Aún no hay pacientes.
Añada el primer paciente (%1) para empezar una sesión.</translation>
    </message>
    <message>
        <source>No patient matches &quot;%1&quot;.</source>
        <translation>Ningún paciente coincide con «%1».</translation>
    </message>
    <message>
        <source>Select a patient to see their sessions.</source>
        <translation>Seleccione un paciente para ver sus sesiones.</translation>
    </message>
</context>
<context>
    <name>hepdesk::gui::PatientDialog</name>
    <message>
        <source>New patient</source>
        <translation>Nuevo paciente</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (optional)</source>
        <translation>AAAA-MM-DD (opcional)</translation>
    </message>
    <message>
        <source>Record number</source>
        <translation>Número de historia</translation>
    </message>
    <message>
        <source>The clinic&apos;s chart number (optional)</source>
        <translation>Nº de historia clínica (opcional)</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>Phone or e-mail (optional)</source>
        <translation>Teléfono o correo electrónico (opcional)</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Nombre completo:</translation>
    </message>
    <message>
        <source>&amp;Date of birth:</source>
        <translation>&amp;Fecha de nacimiento:</translation>
    </message>
    <message>
        <source>&amp;Record number:</source>
        <translation>Nº de &amp;historia:</translation>
    </message>
    <message>
        <source>&amp;Contact:</source>
        <translation>&amp;Contacto:</translation>
    </message>
    <message>
        <source>Edit patient</source>
        <translation>Modificar paciente</translation>
    </message>
    <message>
        <source>Full name: type the patient&apos;s name (any alphabet is fine).</source>
        <translation>Nombre completo: escriba el nombre del paciente (sirve cualquier alfabeto).</translation>
    </message>
    <message>
        <source>Full name: remove the control character (a tab or line break).</source>
        <translation>Nombre completo: quite el carácter de control (un tabulador o un salto de línea).</translation>
    </message>
    <message>
        <source>Date of birth: &quot;%1&quot; is not a date. Write it as YYYY-MM-DD, for example 1975-04-01, or leave it empty.</source>
        <translation>Fecha de nacimiento: «%1» no es una fecha. Escríbala como AAAA-MM-DD, por ejemplo 1975-04-01, o déjela vacía.</translation>
    </message>
    <message>
        <source>Date of birth: %1 is in the future.</source>
        <translation>Fecha de nacimiento: %1 es una fecha futura.</translation>
    </message>
    <message>
        <source>Date of birth: %1 is before 1900; check the year.</source>
        <translation>Fecha de nacimiento: %1 es anterior a 1900; revise el año.</translation>
    </message>
</context>
<context>
    <name>hepdesk::gui::PatientListModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Nacimiento</translation>
    </message>
    <message>
        <source>Record no.</source>
        <translation>Nº historia</translation>
    </message>
</context>
<context>
    <name>hepdesk::gui::PatientPage</name>
    <message>
        <source>&amp;Open session</source>
        <translation>A&amp;brir sesión</translation>
    </message>
    <message>
        <source>Sessions, newest first</source>
        <translation>Sesiones, la más reciente primero</translation>
    </message>
    <message>
        <source>This patient could not be read.</source>
        <translation>No se ha podido leer este paciente.</translation>
    </message>
    <message>
        <source>Born %1</source>
        <translation>Nacido/a el %1</translation>
    </message>
    <message>
        <source>Record %1</source>
        <translation>Historia %1</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivado</translation>
    </message>
    <message>
        <source>Pain now (NPRS 0–10)</source>
        <translation>Dolor actual (NPRS 0–10)</translation>
    </message>
    <message>
        <source>Low back disability (ODI %)</source>
        <translation>Discapacidad lumbar (ODI %)</translation>
    </message>
    <message>
        <source>Neck disability (NDI %)</source>
        <translation>Discapacidad cervical (NDI %)</translation>
    </message>
    <message>
        <source>STarT Back total (0–9)</source>
        <translation>Total STarT Back (0–9)</translation>
    </message>
    <message>
        <source>S&amp;tart session</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <source>Follo&amp;w-up</source>
        <translation>Se&amp;guimiento</translation>
    </message>
    <message>
        <source>Edit &amp;details…</source>
        <translation>Modificar &amp;datos…</translation>
    </message>
    <message>
        <source>New visit with an empty screening (%1)</source>
        <translation>Nueva visita con el cribado vacío (%1)</translation>
    </message>
    <message>
        <source>New visit that starts from the last session&apos;s program (%1)</source>
        <translation>Nueva visita que parte del programa de la última sesión (%1)</translation>
    </message>
    <message>
        <source>Open the selected session (%1, or Enter in the list)</source>
        <translation>Abre la sesión seleccionada (%1, o Intro en la lista)</translation>
    </message>
    <message>
        <source>Change the patient&apos;s name, date of birth, record or contact (%1)</source>
        <translation>Cambia el nombre, la fecha de nacimiento, la historia o el contacto del paciente (%1)</translation>
    </message>
    <message>
        <source>Patient&apos;s goals (PSFS mean 0–10)</source>
        <translation>Objetivos del paciente (media PSFS 0–10)</translation>
    </message>
    <message>
        <source>Exercises done (% of days asked)</source>
        <translation>Ejercicios hechos (% de los días preguntados)</translation>
    </message>
</context>
<context>
    <name>hepdesk::gui::ProgramDecisionText</name>
    <message>
        <source>%1 is excluded for this patient: %2</source>
        <translation>%1 está excluido para este paciente: %2</translation>
    </message>
    <message>
        <source>%1 cannot be added: %2. Refer the patient first; to plan exercises anyway, record an override reason on step 3.</source>
        <translation>No se puede añadir %1: %2. Derive primero al paciente; para pautar ejercicios de todos modos, registre un motivo en el paso 3.</translation>
    </message>
</context>
<context>
    <name>hepdesk::gui::ProgramModel</name>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>%1 reps</source>
        <translation>%1 repeticiones</translation>
    </message>
    <message>
        <source>%1 sets</source>
        <translation>%1 series</translation>
    </message>
    <message>
        <source>hold %1 s</source>
        <translation>mantener %1 s</translation>
    </message>
    <message>
        <source>once a day</source>
        <translation>una vez al día</translation>
    </message>
    <message>
        <source>each side</source>
        <translation>cada lado</translation>
    </message>
    <message>
        <source>%1. %2 — %3</source>
        <translation>%1. %2 — %3</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Nota: %1</translation>
    </message>
    <message>
        <source>This session is signed: its program can no longer change.</source>
        <translation>Esta sesión está firmada: su programa ya no se puede cambiar.</translation>
    </message>
    <message>
        <source>No exercise &quot;%1&quot; in the catalog.</source>
        <translation>No hay ningún ejercicio «%1» en el catálogo.</translation>
    </message>
    <message>
        <source>%1 is already in the program.</source>
        <translation>%1 ya está en el programa.</translation>
    </message>
    <message>
        <source>Record the screening first: exercises are checked against it.</source>
        <translation>Registre primero el cribado: los ejercicios se comprueban con él.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>twice a day</source>
        <translation>dos veces al día</translation>
    </message>
    <message>
        <source>%1 times a day</source>
        <translation>%1 veces al día</translation>
    </message>
    <message>
        <source>%1 days a week</source>
        <translation>%1 días a la semana</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1 semana</translation>
    </message>
    <message>
        <source>%1 weeks</source>
        <translation>%1 semanas</translation>
    </message>
    <message>
        <source>%1. ⚠ %2 (caution) — %3</source>
        <translation>%1. ⚠ %2 (precaución) — %3</translation>
    </message>
    <message>
        <source>Select an exercise of the program first.</source>
        <translation>Seleccione primero un ejercicio del programa.</translation>
    </message>
</context>
<context>
    <name>hepdesk::gui::ProtocolChooser</name>
    <message>
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <source>Save current as…</source>
        <translation>Guardar como…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Cambiar nombre…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>&lt;b&gt;Protocols&lt;/b&gt;</source>
        <translation>&lt;b&gt;Protocolos&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 (shipped)</source>
        <translation>%1 (incluido)</translation>
    </message>
    <message>
        <source>This session is signed: its program can no longer change.</source>
        <translation>Esta sesión está firmada: su programa ya no puede cambiar.</translation>
    </message>
    <message>
        <source>Record the screening first: each exercise is checked against it.</source>
        <translation>Registre primero la evaluación: cada ejercicio se comprueba con ella.</translation>
    </message>
    <message>
        <source>Add the protocol&apos;s exercises to the program; those this patient&apos;s screening excludes are left out and named.</source>
        <translation>Añade los ejercicios del protocolo al programa; los que la evaluación de este paciente excluye se dejan fuera y se nombran.</translation>
    </message>
    <message>
        <source>Save the current program (exercises, dosage, notes) as the clinic&apos;s protocol.</source>
        <translation>Guarda el programa actual (ejercicios, dosis, notas) como protocolo de la clínica.</translation>
    </message>
    <message>
        <source>Shipped protocols are read-only: apply one, then save your copy under a new name.</source>
        <translation>Los protocolos incluidos son de solo lectura: aplique uno y guarde su copia con otro nombre.</translation>
    </message>
    <message>
        <source>Rename the chosen protocol.</source>
        <translation>Cambia el nombre del protocolo elegido.</translation>
    </message>
    <message>
        <source>Delete the chosen protocol.</source>
        <translation>Elimina el protocolo elegido.</translation>
    </message>
    <message>
        <source>A protocol cannot be applied now.</source>
        <translation>Ahora no se puede aplicar un protocolo.</translation>
    </message>
    <message numerus="yes">
        <source>Applied “%1”: %n exercise(s) added.</source>
        <translation>
            <numerusform>Se aplicó “%1”: %n ejercicio añadido.</numerusform>
            <numerusform>Se aplicó “%1”: %n ejercicios añadidos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already in the program, kept as they were.</source>
        <translation>
            <numerusform>%n ya estaba en el programa y se mantuvo igual.</numerusform>
            <numerusform>%n ya estaban en el programa y se mantuvieron igual.</numerusform>
        </translation>
    </message>
    <message>
        <source>Left out %1: excluded by %2 (%3).</source>
        <translation>Se dejó fuera %1: excluido por %2 (%3).</translation>
    </message>
    <message numerus="yes">
        <source>%n caution(s) apply: see the program.</source>
        <translation>
            <numerusform>Hay %n precaución: vea el programa.</numerusform>
            <numerusform>Hay %n precauciones: vea el programa.</numerusform>
        </translation>
    </message>
    <message>
        <source>No database: protocols cannot be saved.</source>
        <translation>Sin base de datos: no se pueden guardar protocolos.</translation>
    </message>
    <message>
        <source>Saved the program as “%1”.</source>
        <translation>Programa guardado como “%1”.</translation>
    </message>
    <message>
        <source>Choose a protocol first.</source>
        <translation>Elija primero un protocolo.</translation>
    </message>
    <message>
        <source>Renamed “%1” to “%2”.</source>
        <translation>Se cambió el nombre de “%1” a “%2”.</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>Se eliminó “%1”.</translation>
    </message>
    <message>
        <source>Save protocol</source>
        <translation>Guardar protocolo</translation>
    </message>
    <message>
        <source>Protocol name:</source>
        <translation>Nombre del protocolo:</translation>
    </message>
    <message>
        <source>Replace protocol</source>
        <translation>Reemplazar protocolo</translation>
    </message>
    <message>
        <source>A protocol named “%1” is already saved. Replace it?</source>
        <translation>Ya hay un protocolo guardado con el nombre “%1”. ¿Reemplazarlo?</translation>
    </message>
    <message>
        <source>Rename protocol</source>
        <translation>Cambiar nombre del protocolo</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nombre nuevo:</translation>
    </message>
    <message>
        <source>Delete protocol</source>
        <translation>Eliminar protocolo</translation>
    </message>
    <message>
        <source>Delete the protocol “%1”? Sessions keep their programs.</source>
        <translation>¿Eliminar el protocolo “%1”? Las sesiones conservan sus programas.</translation>
    </message>
</context>
<context>
    <name>hepdesk::gui::PsfsForm</name>
    <message>
        <source>Activity %1</source>
        <translation>Actividad %1</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>sin puntuar</translation>
    </message>
    <message>
        <source>Exercise log: days done of %1</source>
        <translation>Registro de ejercicios: días hechos de %1</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>no preguntado</translation>
    </message>
    <message>
        <source> of %1 days</source>
        <translation> de %1 días</translation>
    </message>
    <message>
        <source>PSFS: not rated</source>
        <translation>PSFS: sin puntuar</translation>
    </message>
    <message>
        <source>PSFS mean: %1 of 10 (%2 of %3 activities rated)</source>
        <translation>Media PSFS: %1 de 10 (%2 de %3 actividades puntuadas)</translation>
    </message>
    <message>
        <source>Patient-Specific Functional Scale (PSFS)</source>
        <translation>Escala Funcional Específica del Paciente (PSFS)</translation>
    </message>
    <message>
        <source>Up to five activities in the patient&apos;s own words, each rated 0 (unable to do it) to 10 (as before the problem).</source>
        <translation>Hasta cinco actividades en palabras del paciente, cada una puntuada de 0 (no puede hacerla) a 10 (como antes del problema).</translation>
    </message>
</context>
<context>
    <name>hepdesk::gui::ScreeningPage</name>
    <message>
        <source>The screening contradicts itself. Correct it here: the exercises, the handout and signing wait until it is fixed.</source>
        <translation>El cribado se contradice. Corríjalo aquí: los ejercicios, la hoja y la firma esperan hasta que esté corregido.</translation>
    </message>
    <message>
        <source>from the last visit, confirm</source>
        <translation>de la última visita, confirme</translation>
    </message>
    <message>
        <source>A lasting condition recorded at the last visit. Ask the patient whether it still applies; untick it if not.</source>
        <translation>Una afección duradera registrada en la última visita. Pregunte al paciente si sigue presente; desmárquela si no.</translation>
    </message>
    <message>
        <source>Patient and pain</source>
        <translation>Paciente y dolor</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>no registrado</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Edad</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Duration of symptoms in days</source>
        <translation>Duración de los síntomas en días</translation>
    </message>
    <message>
        <source>A&amp;ge:</source>
        <translation>E&amp;dad:</translation>
    </message>
    <message>
        <source>Se&amp;x:</source>
        <translation>Se&amp;xo:</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>Duración de lo&amp;s síntomas:</translation>
    </message>
    <message>
        <source>Pain now</source>
        <translation>Dolor actual</translation>
    </message>
    <message>
        <source>Pain at best</source>
        <translation>Dolor en el mejor momento</translation>
    </message>
    <message>
        <source>Pain at worst</source>
        <translation>Dolor en el peor momento</translation>
    </message>
    <message>
        <source> (0 to 10)</source>
        <translation> (0 a 10)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1/10</source>
        <translation>%1/10</translation>
    </message>
    <message>
        <source>Clinician notes (not printed on the handout)</source>
        <translation>Notas del profesional (no se imprimen en la hoja)</translation>
    </message>
    <message>
        <source>Clinician notes</source>
        <translation>Notas del profesional</translation>
    </message>
    <message>
        <source>Disagree</source>
        <translation>En desacuerdo</translation>
    </message>
    <message>
        <source>Agree</source>
        <translation>De acuerdo</translation>
    </message>
    <message>
        <source>Not at all</source>
        <translation>Nada</translation>
    </message>
    <message>
        <source>Slightly</source>
        <translation>Un poco</translation>
    </message>
    <message>
        <source>Moderately</source>
        <translation>Moderadamente</translation>
    </message>
    <message>
        <source>Very much</source>
        <translation>Mucho</translation>
    </message>
    <message>
        <source>Extremely</source>
        <translation>Muchísimo</translation>
    </message>
    <message>
        <source>STarT Back (agree or disagree; last item: how bothersome)</source>
        <translation>STarT Back (de acuerdo o en desacuerdo; último ítem: cuánto le molesta)</translation>
    </message>
    <message>
        <source>Oswestry Disability Index (low back; each section 0–5, skip if not asked)</source>
        <translation>Índice de Discapacidad de Oswestry (lumbar; cada sección 0–5, omitir si no se preguntó)</translation>
    </message>
    <message>
        <source>Neck Disability Index (each item 0–5, skip if not asked)</source>
        <translation>Índice de Discapacidad Cervical (cada ítem 0–5, omitir si no se preguntó)</translation>
    </message>
    <message>
        <source>STarT Back: total %1 of 9, psychosocial %2 of 5 — %3</source>
        <translation>STarT Back: total %1 de 9, psicosocial %2 de 5 — %3</translation>
    </message>
    <message>
        <source> (%1 of 9 answered)</source>
        <translation> (%1 de 9 respondidas)</translation>
    </message>
    <message>
        <source>STarT Back: not recorded</source>
        <translation>STarT Back: no registrado</translation>
    </message>
    <message>
        <source>Painful &amp;regions:</source>
        <translation>&amp;Regiones con dolor:</translation>
    </message>
    <message>
        <source>Visit date and time (late entry)</source>
        <translation>Fecha y hora de la visita (registro tardío)</translation>
    </message>
    <message>
        <source>When the visit took place. Change it only for a visit recorded afterwards; the change is kept in the audit log.</source>
        <translation>Cuándo fue la visita. Cámbiela solo si registra la visita más tarde; el cambio queda en el registro de auditoría.</translation>
    </message>
    <message>
        <source>&amp;Visit date and time (late entry):</source>
        <translation>Fecha y hora de la &amp;visita (registro tardío):</translation>
    </message>
</context>
<context>
    <name>hepdesk::gui::SessionEditor</name>
    <message>
        <source>Reload shows what was saved there; your changes in this window are then replaced. Keep my changes leaves them on screen (nothing is saved) so you can note what you need first.</source>
        <translation>Volver a cargar muestra lo que se guardó allí; los cambios de esta ventana se sustituyen. Conservar mis cambios los deja en pantalla (no se guarda nada) para que pueda anotar antes lo que necesite.</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Volver a cargar</translation>
    </message>
    <message>
        <source>&amp;Keep my changes</source>
        <translation>&amp;Conservar mis cambios</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>No se guardó: %1</translation>
    </message>
    <message>
        <source>Your answers are still on screen; nothing was stored. Save again when the clinic server answers (check the network, or ask who looks after it).</source>
        <translation>Sus respuestas siguen en pantalla; no se guardó nada. Guarde de nuevo cuando el servidor de la clínica responda (revise la red o pregunte a quien lo mantiene).</translation>
    </message>
    <message>
        <source>The session was not saved: save again.</source>
        <translation>La sesión no se guardó: guárdela de nuevo.</translation>
    </message>
    <message>
        <source>The session could not be reloaded.</source>
        <translation>No se pudo volver a cargar la sesión.</translation>
    </message>
    <message>
        <source>Reloaded the session as it was saved on the other computer.</source>
        <translation>Se volvió a cargar la sesión tal como se guardó en el otro ordenador.</translation>
    </message>
    <message>
        <source>You are logged in to the clinic server as a user who is not one of its clinicians (%1). Ask the clinic's administrator to add you.</source>
        <translation>Ha iniciado sesión en el servidor de la clínica con un usuario que no es uno de sus profesionales (%1). Pida al administrador de la clínica que le añada.</translation>
    </message>
    <message>
        <source>You sign as %1, logged in to %2.</source>
        <translation>Firma como %1, con sesión iniciada en %2.</translation>
    </message>
    <message>
        <source>Correct the screening first: it contradicts itself.</source>
        <translation>Corrija primero el cribado: se contradice.</translation>
    </message>
    <message>
        <source>Your answers are still on screen; nothing was stored.</source>
        <translation>Sus respuestas siguen en pantalla; no se ha guardado nada.</translation>
    </message>
    <message>
        <source>%1 (%2): a handout is given only under the override reason recorded on step 3.</source>
        <translation>%1 (%2): la hoja solo se entrega con el motivo de la excepción registrado en el paso 3.</translation>
    </message>
    <message>
        <source>&amp;1 Screening</source>
        <translation>&amp;1 Cribado</translation>
    </message>
    <message>
        <source>&amp;2 Exercises</source>
        <translation>&amp;2 Ejercicios</translation>
    </message>
    <message>
        <source>&amp;3 Handout</source>
        <translation>&amp;3 Hoja de ejercicios</translation>
    </message>
    <message>
        <source>&amp;4 Sign</source>
        <translation>&amp;4 Firma</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>The session was not saved.</source>
        <translation>La sesión no se ha guardado.</translation>
    </message>
    <message>
        <source>Your answers are still on screen. Check the disk and try again.</source>
        <translation>Sus respuestas siguen en pantalla. Compruebe el disco e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The session was not signed.</source>
        <translation>La sesión no se ha firmado.</translation>
    </message>
    <message>
        <source>Correct what the message names, then sign again.</source>
        <translation>Corrija lo que indica el mensaje y vuelva a firmar.</translation>
    </message>
    <message>
        <source>The addendum was not added.</source>
        <translation>La adenda no se ha añadido.</translation>
    </message>
    <message>
        <source>Try again.</source>
        <translation>Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>This screening cannot be assessed: %1</source>
        <translation>Este cribado no se puede evaluar: %1</translation>
    </message>
    <message>
        <source>Signed — read-only</source>
        <translation>Firmada — solo lectura</translation>
    </message>
    <message>
        <source>New session — not saved yet</source>
        <translation>Sesión nueva — aún sin guardar</translation>
    </message>
    <message>
        <source>Draft — unsaved changes</source>
        <translation>Borrador — cambios sin guardar</translation>
    </message>
    <message>
        <source>Draft — saved</source>
        <translation>Borrador — guardado</translation>
    </message>
    <message>
        <source>%1 — session %2 — HepDesk%3</source>
        <translation>%1 — sesión %2 — HepDesk%3</translation>
    </message>
    <message>
        <source>To sign, enter your name and credentials in Settings first.</source>
        <translation>Para firmar, introduzca antes su nombre y titulación en Configuración.</translation>
    </message>
    <message>
        <source>unknown clinician</source>
        <translation>profesional desconocido</translation>
    </message>
    <message>
        <source>clinician #%1</source>
        <translation>profesional n.º %1</translation>
    </message>
    <message>
        <source>HepDesk</source>
        <translation>HepDesk</translation>
    </message>
    <message>
        <source>The handout cannot be exported yet.</source>
        <translation>La hoja de ejercicios aún no se puede exportar.</translation>
    </message>
    <message>
        <source>Export handout</source>
        <translation>Exportar hoja de ejercicios</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The handout was not exported.</source>
        <translation>La hoja de ejercicios no se ha exportado.</translation>
    </message>
    <message>
        <source>Choose another folder or free some disk space, then try again.</source>
        <translation>Elija otra carpeta o libere espacio en el disco e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The handout was not printed.</source>
        <translation>La hoja de ejercicios no se ha impreso.</translation>
    </message>
    <message>
        <source>Check the printer.</source>
        <translation>Compruebe la impresora.</translation>
    </message>
    <message>
        <source>Unsaved session</source>
        <translation>Sesión sin guardar</translation>
    </message>
    <message>
        <source>This session has changes that are not saved. Save them before closing?</source>
        <translation>Esta sesión tiene cambios sin guardar. ¿Guardarlos antes de cerrar?</translation>
    </message>
    <message>
        <source>The window stays open so nothing is lost.</source>
        <translation>La ventana sigue abierta para que no se pierda nada.</translation>
    </message>
    <message>
        <source>This session is signed: it can no longer change. Add an addendum instead.</source>
        <translation>Esta sesión está firmada: ya no se puede cambiar. Añada una adenda.</translation>
    </message>
    <message>
        <source>No clinician is set up on this computer: enter your name and credentials in Settings, then sign.</source>
        <translation>No hay ningún profesional configurado en este equipo: introduzca su nombre y titulación en Configuración y después firme.</translation>
    </message>
    <message>
        <source>Step %1 (%2)</source>
        <translation>Paso %1 (%2)</translation>
    </message>
    <message>
        <source>A handout is already being written; wait until it is done.</source>
        <translation>Ya se está escribiendo una hoja de ejercicios; espere a que termine.</translation>
    </message>
    <message>
        <source>Writing the handout to %1…</source>
        <translation>Escribiendo la hoja de ejercicios en %1…</translation>
    </message>
    <message>
        <source>The PDF was written, but it could not be recorded with the session: %1</source>
        <translation>El PDF se ha escrito, pero no se ha podido registrar con la sesión: %1</translation>
    </message>
    <message>
        <source>Handout saved to %1</source>
        <translation>Hoja de ejercicios guardada en %1</translation>
    </message>
    <message>
        <source>Handout saved to %1, but it differs from the handout fingerprinted at signing: the fonts or templates of this installation changed.</source>
        <translation>Hoja de ejercicios guardada en %1, pero difiere de la registrada al firmar: cambiaron las fuentes o las plantillas de esta instalación.</translation>
    </message>
    <message>
        <source>The handout was not exported to %1.</source>
        <translation>La hoja de ejercicios no se ha exportado a %1.</translation>
    </message>
    <message>
        <source>The handout is still being written; wait until it is done.</source>
        <translation>La hoja de ejercicios aún se está escribiendo; espere a que termine.</translation>
    </message>
    <message>
        <source>Correct what the message names, then export again.</source>
        <translation>Corrija lo que indica el mensaje y vuelva a exportar.</translation>
    </message>
    <message>
        <source>The handout cannot be printed yet.</source>
        <translation>La hoja de ejercicios aún no se puede imprimir.</translation>
    </message>
    <message>
        <source>Print preview — %1</source>
        <translation>Vista previa de impresión — %1</translation>
    </message>
    <message>
        <source>The preview could not be drawn.</source>
        <translation>No se ha podido dibujar la vista previa.</translation>
    </message>
    <message>
        <source>The handout is still being written; this window closes when it is done.</source>
        <translation>La hoja de ejercicios aún se está escribiendo; esta ventana se cerrará cuando termine.</translation>
    </message>
    <message>
        <source>Store the session (%1)</source>
        <translation>Guarda la sesión (%1)</translation>
    </message>
    <message>
        <source>Sign this session?</source>
        <translation>¿Firmar esta sesión?</translation>
    </message>
    <message>
        <source>Sign the session of %1?</source>
        <translation>¿Firmar la sesión de %1?</translation>
    </message>
    <message>
        <source>After signing, the screening, the program and the handout can no longer be changed; corrections and additions go in addenda.</source>
        <translation>Una vez firmada, el cribado, el programa y la hoja de ejercicios ya no se pueden cambiar; las correcciones y los añadidos van en adendas.</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Firmar</translation>
    </message>
    <message>
        <source>No handout and no exercises: %1 (%2). Refer the patient first. To plan exercises anyway, record an override reason on step 3.</source>
        <translation>Ni hoja ni ejercicios: %1 (%2). Derive primero al paciente. Para pautar ejercicios de todos modos, registre un motivo en el paso 3.</translation>
    </message>
    <message>
        <source>Screening not done yet: record the red flags and conditions found, the pain scores or a questionnaire on step 1. Until then no handout is given and the session cannot be signed.</source>
        <translation>Cribado aún sin hacer: registre en el paso 1 las banderas rojas y las afecciones encontradas, las puntuaciones de dolor o un cuestionario. Hasta entonces no se da la hoja y la sesión no se puede firmar.</translation>
    </message>
    <message>
        <source>Clinician&apos;s copy saved to %1 (not recorded as a handout)</source>
        <translation>Copia del profesional guardada en %1 (no se registra como hoja entregada)</translation>
    </message>
    <message>
        <source>Referral letter saved to %1</source>
        <translation>Carta de derivación guardada en %1</translation>
    </message>
    <message>
        <source>referral-letter-%1.pdf</source>
        <translation>carta-derivacion-%1.pdf</translation>
    </message>
    <message>
        <source>Save referral letter</source>
        <translation>Guardar la carta de derivación</translation>
    </message>
    <message>
        <source>The referral letter was not written.</source>
        <translation>No se escribió la carta de derivación.</translation>
    </message>
    <message>
        <source>The reason is shown above the preview.</source>
        <translation>El motivo se muestra encima de la vista previa.</translation>
    </message>
    <message>
        <source>%1 %2 session %3</source>
        <translation>%1 %2 sesión %3</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>Correct what the message names, then try again.</source>
        <translation>Corrija lo que indica el mensaje y vuelva a intentarlo.</translation>
    </message>
</context>
<context>
    <name>hepdesk::gui::SessionHistoryModel</name>
    <message>
        <source>ODI %1</source>
        <translation>ODI %1</translation>
    </message>
    <message>
        <source>NDI %1</source>
        <translation>NDI %1</translation>
    </message>
    <message>
        <source>STarT Back %1</source>
        <translation>STarT Back %1</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>n.º %1</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1/10</source>
        <translation>%1/10</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Firmada</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>Triaje</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>Dolor</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Puntuaciones</translation>
    </message>
    <message>
        <source>Exercises</source>
        <translation>Ejercicios</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>STarT Back %1 (%2 risk)</source>
        <translation>STarT Back %1 (riesgo %2)</translation>
    </message>
    <message>
        <source>PSFS %1</source>
        <translation>PSFS %1</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>no preguntado</translation>
    </message>
    <message>
        <source>%1 of %2 days</source>
        <translation>%1 de %2 días</translation>
    </message>
    <message numerus="yes">
        <source>%1 % of days, %n exercise(s)</source>
        <translation>
            <numerusform>%1 % de los días, %n ejercicio</numerusform>
            <numerusform>%1 % de los días, %n ejercicios</numerusform>
        </translation>
    </message>
    <message>
        <source>Done at home</source>
        <translation>Hecho en casa</translation>
    </message>
</context>
<context>
    <name>hepdesk::gui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation>Nombre de la clínica</translation>
    </message>
    <message>
        <source>Clinic address</source>
        <translation>Dirección de la clínica</translation>
    </message>
    <message>
        <source>Clinic phone</source>
        <translation>Teléfono de la clínica</translation>
    </message>
    <message>
        <source>Record number system</source>
        <translation>Sistema de números de historia</translation>
    </message>
    <message>
        <source>for example urn:oid:1.2.3 (empty: HepDesk&apos;s own)</source>
        <translation>por ejemplo urn:oid:1.2.3 (vacío: el propio de HepDesk)</translation>
    </message>
    <message>
        <source>The address your health record gives to its record numbers. Exports for the health record (FHIR) name it.</source>
        <translation>La dirección que su historia clínica da a sus números de historia. Las exportaciones para la historia clínica (FHIR) la nombran.</translation>
    </message>
    <message>
        <source>Record n&amp;umber system:</source>
        <translation>Sistema de números de hist&amp;oria:</translation>
    </message>
    <message>
        <source>Record number system: type the full address your health record uses, such as urn:oid:1.2.3 or https://clinic.example/mrn (no spaces), or leave it empty.</source>
        <translation>Sistema de números de historia: escriba la dirección completa que usa su historia clínica, como urn:oid:1.2.3 o https://clinic.example/mrn (sin espacios), o déjelo vacío.</translation>
    </message>
    <message>
        <source>Choose &amp;logo…</source>
        <translation>Elegir &amp;logotipo…</translation>
    </message>
    <message>
        <source>Remove logo</source>
        <translation>Quitar logotipo</translation>
    </message>
    <message>
        <source>Clinic (printed on every handout)</source>
        <translation>Clínica (se imprime en todas las hojas)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <source>Logo:</source>
        <translation>Logotipo:</translation>
    </message>
    <message>
        <source>Clinician name</source>
        <translation>Nombre del profesional</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Título profesional</translation>
    </message>
    <message>
        <source>for example PT, DPT</source>
        <translation>por ejemplo, Fisioterapeuta, Col. n.º 1234</translation>
    </message>
    <message>
        <source>You (named when you sign a session)</source>
        <translation>Usted (figura al firmar una sesión)</translation>
    </message>
    <message>
        <source>On a clinic server the records are backed up on the server, not on this computer: the clinic&apos;s administrator runs &apos;hepdesk-cli db backup&apos; there.</source>
        <translation>En un servidor de la clínica, los registros se copian en el servidor, no en este equipo: el administrador de la clínica ejecuta allí «hepdesk-cli db backup».</translation>
    </message>
    <message>
        <source>You sign as the clinician of your server login (%1), but this login is not one of the clinic&apos;s clinicians yet. Ask the clinic&apos;s administrator to add you.</source>
        <translation>Usted firma como el profesional de su usuario del servidor (%1), pero este usuario aún no es uno de los profesionales de la clínica. Pida al administrador de la clínica que le añada.</translation>
    </message>
    <message>
        <source>You sign as the clinician of your server login (%1): %2. The clinic&apos;s administrator changes the name and credentials on the server.</source>
        <translation>Usted firma como el profesional de su usuario del servidor (%1): %2. El administrador de la clínica cambia el nombre y la titulación en el servidor.</translation>
    </message>
    <message>
        <source>Clinic: only the clinic&apos;s administrator can change the clinic&apos;s name, address, phone, logo or record number system on the server. Put them back as they were, or ask your administrator.</source>
        <translation>Clínica: en el servidor, solo el administrador de la clínica puede cambiar el nombre, la dirección, el teléfono, el logotipo o el sistema de números de historia de la clínica. Déjelos como estaban o pídaselo a su administrador.</translation>
    </message>
    <message>
        <source>Full na&amp;me:</source>
        <translation>Nombre co&amp;mpleto:</translation>
    </message>
    <message>
        <source>&amp;Credentials:</source>
        <translation>Tít&amp;ulo profesional:</translation>
    </message>
    <message>
        <source>Default handout language</source>
        <translation>Idioma predeterminado de las hojas</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés (English)</translation>
    </message>
    <message>
        <source>Spanish (Español)</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>Default print size</source>
        <translation>Tamaño de impresión predeterminado</translation>
    </message>
    <message>
        <source>Regular (12 pt)</source>
        <translation>Normal (12 pt)</translation>
    </message>
    <message>
        <source>Large print (18 pt)</source>
        <translation>Letra grande (18 pt)</translation>
    </message>
    <message>
        <source>Handouts</source>
        <translation>Hojas de ejercicios</translation>
    </message>
    <message>
        <source>Default lan&amp;guage:</source>
        <translation>&amp;Idioma predeterminado:</translation>
    </message>
    <message>
        <source>Default print si&amp;ze:</source>
        <translation>Tamaño de impresión &amp;predeterminado:</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Carpeta de copias de seguridad</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>Backups to keep</source>
        <translation>Copias que se conservan</translation>
    </message>
    <message>
        <source>Automatic daily backup</source>
        <translation>Copia de seguridad diaria automática</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Carpeta:</translation>
    </message>
    <message>
        <source>&amp;Keep the newest:</source>
        <translation>Conservar las más &amp;recientes:</translation>
    </message>
    <message>
        <source>
Nothing was saved; correct it and press Save again.</source>
        <translation>
No se ha guardado nada; corríjalo y pulse Guardar de nuevo.</translation>
    </message>
    <message>
        <source>Clinic logo</source>
        <translation>Logotipo de la clínica</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Sin logotipo</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Idioma de la interfaz</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Interfaz</translation>
    </message>
    <message>
        <source>&amp;Interface language:</source>
        <translation>Idioma de la inter&amp;faz:</translation>
    </message>
    <message>
        <source>A new interface language shows the next time HepDesk starts.</source>
        <translation>El nuevo idioma de la interfaz se aplica la próxima vez que se inicie HepDesk.</translation>
    </message>
    <message>
        <source>Logo %1: larger than 2 MB; use a smaller PNG or JPEG.</source>
        <translation>Logotipo %1: ocupa más de 2 MB; use un PNG o JPEG más pequeño.</translation>
    </message>
    <message>
        <source>Logo %1: not a PNG or JPEG image.</source>
        <translation>Logotipo %1: no es una imagen PNG ni JPEG.</translation>
    </message>
    <message>
        <source>Logo %1: the image is damaged and cannot be decoded.</source>
        <translation>Logotipo %1: la imagen está dañada y no se puede descodificar.</translation>
    </message>
    <message>
        <source>Full name: type your name to go with the credentials.</source>
        <translation>Nombre completo: escriba su nombre para acompañar al título profesional.</translation>
    </message>
    <message>
        <source>Backup folder: choose a full path (for example %1).</source>
        <translation>Carpeta de copias de seguridad: elija una ruta completa (por ejemplo, %1).</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logotipo</translation>
    </message>
    <message>
        <source>%1, %2 bytes, SHA-256 %3</source>
        <translation>%1, %2 bytes, SHA-256 %3</translation>
    </message>
    <message>
        <source>Default paper size</source>
        <translation>Tamaño de papel predeterminado</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>Carta (EE. UU.)</translation>
    </message>
    <message>
        <source>Default pape&amp;r:</source>
        <translation>P&amp;apel predeterminado:</translation>
    </message>
    <message>
        <source>Welcome to HepDesk. Enter your clinic and your name first: they are printed on every handout, and your name signs your sessions. You can change them later in Settings (%1).</source>
        <translation>Bienvenido a HepDesk. Primero escriba su clínica y su nombre: se imprimen en cada hoja, y su nombre firma sus sesiones. Puede cambiarlos más tarde en Configuración (%1).</translation>
    </message>
    <message>
        <source>Welcome to HepDesk</source>
        <translation>Bienvenido a HepDesk</translation>
    </message>
    <message>
        <source>Clinic name: type the name printed on handouts.</source>
        <translation>Nombre de la clínica: escriba el nombre que se imprime en las hojas.</translation>
    </message>
    <message>
        <source>Full name: type your name; it signs your sessions.</source>
        <translation>Nombre completo: escriba su nombre; firma sus sesiones.</translation>
    </message>
</context>
<context>
    <name>hepdesk::gui::SignPage</name>
    <message>
        <source>Addenda</source>
        <translation>Adendas</translation>
    </message>
    <message>
        <source>New addendum</source>
        <translation>Nueva adenda</translation>
    </message>
    <message>
        <source>A correction or note to add to the signed session</source>
        <translation>Una corrección o nota que se añade a la sesión firmada</translation>
    </message>
    <message>
        <source>Add a&amp;ddendum</source>
        <translation>Añadir &amp;adenda</translation>
    </message>
    <message>
        <source>Triage: %1</source>
        <translation>Triaje: %1</translation>
    </message>
    <message>
        <source>Triage: none yet, the screening is not done</source>
        <translation>Triaje: ninguno aún, el cribado no está hecho</translation>
    </message>
    <message>
        <source>  • %1</source>
        <translation>  • %1</translation>
    </message>
    <message numerus="yes">
        <source>Program: %n exercise(s)</source>
        <translation>
            <numerusform>Programa: %n ejercicio</numerusform>
            <numerusform>Programa: %n ejercicios</numerusform>
        </translation>
    </message>
    <message>
        <source>Override reason: %1</source>
        <translation>Motivo de la excepción: %1</translation>
    </message>
    <message>
        <source>Override after signing, %1 by %2: %3</source>
        <translation>Excepción tras la firma, %1 por %2: %3</translation>
    </message>
    <message>
        <source>Handouts: none recorded yet</source>
        <translation>Hojas de ejercicios: ninguna registrada aún</translation>
    </message>
    <message>
        <source>, large print</source>
        <translation>, letra grande</translation>
    </message>
    <message>
        <source>Signed by %1 at %2. The session is read-only; add an addendum to correct or complete it.</source>
        <translation>Firmada por %1 el %2. La sesión es de solo lectura; añada una adenda para corregirla o completarla.</translation>
    </message>
    <message>
        <source>Draft. Signing records the handout&apos;s fingerprint and locks the session.</source>
        <translation>Borrador. Al firmar se registra la huella de la hoja de ejercicios y se bloquea la sesión.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Si&amp;gn session</source>
        <translation>&amp;Firmar sesión</translation>
    </message>
    <message>
        <source>Sign: the session can no longer be changed, only added to (%1)</source>
        <translation>Firmar: la sesión ya no se podrá cambiar, solo completar con adendas (%1)</translation>
    </message>
    <message>
        <source>Referral le&amp;tter…</source>
        <translation>Car&amp;ta de derivación…</translation>
    </message>
    <message>
        <source>A one-page letter to the patient&apos;s doctor or the emergency department: findings, scores and your advice</source>
        <translation>Una carta de una página al médico del paciente o a urgencias: hallazgos, puntuaciones y su indicación</translation>
    </message>
    <message>
        <source>A referral letter is for refer and monitor, urgent referral or emergency; this screening is routine</source>
        <translation>La carta de derivación es para derivar y vigilar, derivación urgente o urgencia; este cribado es rutinario</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Show the fingerprints, sizes and times</source>
        <translation>Mostrar las huellas, los tamaños y las horas</translation>
    </message>
    <message>
        <source>Sign the handout with the exercise l&amp;og page</source>
        <translation>Firmar la hoja con la página de &amp;registro de ejercicios</translation>
    </message>
    <message>
        <source>Sign the handout with &quot;&amp;Your goals&quot;</source>
        <translation>Firmar la hoja con «Sus &amp;metas»</translation>
    </message>
    <message>
        <source>Handouts made: %1, the last on %2</source>
        <translation>Hojas hechas: %1, la última el %2</translation>
    </message>
    <message>
        <source>Handout %1 (UTC), %2 bytes, %3%4, SHA-256 %5</source>
        <translation>Hoja %1 (UTC), %2 bytes, %3%4, SHA-256 %5</translation>
    </message>
    <message>
        <source>Signed %1 (UTC); the signed handout&apos;s SHA-256: %2</source>
        <translation>Firmada %1 (UTC); SHA-256 de la hoja firmada: %2</translation>
    </message>
    <message>
        <source>none kept</source>
        <translation>no guardada</translation>
    </message>
    <message>
        <source>Every copy printed from this session matches the signed handout exactly: reprints are made from what was signed.</source>
        <translation>Cada copia impresa de esta sesión coincide exactamente con la hoja firmada: las reimpresiones se hacen a partir de lo firmado.</translation>
    </message>
    <message>
        <source>%1 of %2 reprints do NOT match the signed handout: they differ from what was signed. Give the patient a copy that matches, or add an addendum saying why.</source>
        <translation>%1 de %2 reimpresiones NO coinciden con la hoja firmada: difieren de lo firmado. Dé al paciente una copia que coincida o añada una adenda que explique por qué.</translation>
    </message>
    <message>
        <source>%1, %2 — %3</source>
        <translation>%1, %2 — %3</translation>
    </message>
</context>
<context>
    <name>hepdesk::gui::TrendChart</name>
    <message>
        <source>Trend of scores across sessions</source>
        <translation>Evolución de las puntuaciones entre sesiones</translation>
    </message>
    <message>
        <source>No scores recorded yet.</source>
        <translation>Aún no hay puntuaciones registradas.</translation>
    </message>
    <message>
        <source>%1: %2 on %3</source>
        <translation>%1: %2 el %3</translation>
    </message>
    <message>
        <source>no clinically important change</source>
        <translation>sin cambio clínicamente importante</translation>
    </message>
    <message>
        <source>no published threshold</source>
        <translation>sin umbral publicado</translation>
    </message>
    <message>
        <source>clinically important improvement</source>
        <translation>mejora clínicamente importante</translation>
    </message>
    <message>
        <source>clinically important worsening</source>
        <translation>empeoramiento clínicamente importante</translation>
    </message>
    <message>
        <source>, now %1 on %2 (%3)</source>
        <translation>, ahora %1 el %2 (%3)</translation>
    </message>
    <message>
        <source>latest %1</source>
        <translation>último %1</translation>
    </message>
    <message>
        <source>Score at each session</source>
        <translation>Puntuación en cada sesión</translation>
    </message>
    <message>
        <source>Shaded: change too small to matter, around the first session</source>
        <translation>Sombreado: cambio demasiado pequeño para importar, alrededor de la primera sesión</translation>
    </message>
    <message>
        <source>Clinically important improvement</source>
        <translation>Mejoría clínicamente importante</translation>
    </message>
    <message>
        <source>Clinically important worsening</source>
        <translation>Empeoramiento clínicamente importante</translation>
    </message>
</context>
<context>
    <name>hepdesk::gui::TriageBanner</name>
    <message>
        <source>Screening not done yet</source>
        <translation>Cribado aún sin hacer</translation>
    </message>
    <message>
        <source>Routine: no red flags; exercise cautions recorded</source>
        <translation>Rutina: sin banderas rojas; precauciones de ejercicio registradas</translation>
    </message>
    <message>
        <source>Nothing is recorded yet: tick the red flags and conditions that apply, or record the pain scores or a questionnaire. The screening decides whether exercises may be given.</source>
        <translation>Aún no hay nada registrado: marque las banderas rojas y las afecciones que correspondan, o registre las puntuaciones de dolor o un cuestionario. El cribado decide si se pueden dar ejercicios.</translation>
    </message>
    <message>
        <source>A handout is allowed. Exercises are checked against: %1.</source>
        <translation>Se permite la hoja. Los ejercicios se comprueban frente a: %1.</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>Triaje</translation>
    </message>
    <message>
        <source>EMERGENCY: emergency referral now</source>
        <translation>URGENCIA: derivación a urgencias ahora</translation>
    </message>
    <message>
        <source>URGENT: medical referral first</source>
        <translation>URGENTE: primero, derivación médica</translation>
    </message>
    <message>
        <source>Refer and monitor</source>
        <translation>Derivar y vigilar</translation>
    </message>
    <message>
        <source>Routine: no red flags recorded</source>
        <translation>Rutina: sin banderas rojas registradas</translation>
    </message>
    <message>
        <source>Send the patient to emergency care today: the findings below say why. Do not start exercise. A handout needs a recorded override reason.</source>
        <translation>Envíe hoy al paciente a urgencias: los hallazgos de abajo dicen por qué. No empiece ejercicios. Una hoja de ejercicios exige registrar un motivo de excepción.</translation>
    </message>
    <message>
        <source>The screening contradicts itself: correct it on the Screening step. Exercises, the handout and signing wait until then.</source>
        <translation>El cribado se contradice: corríjalo en el paso Cribado. Los ejercicios, la hoja y la firma esperan hasta entonces.</translation>
    </message>
    <message>
        <source>Refer to a physician before exercise: the findings below say why. A handout needs a recorded override reason.</source>
        <translation>Derive a un médico antes de pautar ejercicio: los hallazgos de abajo dicen por qué. Una hoja de ejercicios exige registrar un motivo de excepción.</translation>
    </message>
    <message>
        <source>A handout is allowed. Follow up the findings below; affected exercises carry cautions.</source>
        <translation>Se permite la hoja de ejercicios. Haga seguimiento de los hallazgos de abajo; los ejercicios afectados llevan precauciones.</translation>
    </message>
    <message>
        <source>A handout is allowed.</source>
        <translation>Se permite la hoja de ejercicios.</translation>
    </message>
    <message>
        <source>• %1 — %2</source>
        <translation>• %1 — %2</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Urgencia</translation>
    </message>
    <message>
        <source>Urgent referral</source>
        <translation>Derivación urgente</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>Rutina</translation>
    </message>
</context>
<context>
    <name>hepdesk::gui::Services</name>
    <message>
        <source>Database: %1</source>
        <translation>Base de datos: %1</translation>
    </message>
</context>
<context>
    <name>hepdesk::gui::ConnectDialog</name>
    <message>
        <source>Connect to clinic server</source>
        <translation>Conectar con el servidor de la clínica</translation>
    </message>
    <message>
        <source>Every workstation of the clinic can share one record on a PostgreSQL server. Log in with your own user name: you sign as yourself.</source>
        <translation>Todos los puestos de la clínica pueden compartir un mismo registro en un servidor PostgreSQL. Inicie sesión con su propio nombre de usuario: firma usted mismo.</translation>
    </message>
    <message>
        <source>e.g. records.clinic.local</source>
        <translation>p. ej. records.clinic.local</translation>
    </message>
    <message>
        <source>asked each time; empty: use ~/.pgpass</source>
        <translation>se pide cada vez; vacía: se usa ~/.pgpass</translation>
    </message>
    <message>
        <source>No encryption (disable)</source>
        <translation>Sin cifrado (disable)</translation>
    </message>
    <message>
        <source>Encrypt when the server can (prefer)</source>
        <translation>Cifrar si el servidor puede (prefer)</translation>
    </message>
    <message>
        <source>Always encrypt (require)</source>
        <translation>Cifrar siempre (require)</translation>
    </message>
    <message>
        <source>Encrypt and check the certificate (verify-ca)</source>
        <translation>Cifrar y comprobar el certificado (verify-ca)</translation>
    </message>
    <message>
        <source>Encrypt, check the certificate and the name (verify-full)</source>
        <translation>Cifrar y comprobar el certificado y el nombre (verify-full)</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Puerto:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de datos:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>&amp;Encryption:</source>
        <translation>Ci&amp;frado:</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
</context>
</TS>
