// The words the account readers match, in the UI language of every
// marketplace (en, ja, de, fr, it, es / es-MX, nl, pl, sv, tr, pt-BR, ar):
// row labels (the fallback when an id changes), the on/off state of two-step
// verification and passkeys, and the button that offers to turn 2SV on.
// Matched whole (a label) or as whole words (a state), never as parts of
// other words: "deaktiviert" is not "aktiviert", "désactivée" not "activée".

/** A regex of whole phrases, case-insensitive, Unicode-aware ("^(?:a|b)$"). */
function whole(phrases: readonly string[]): RegExp {
  return new RegExp(`^(?:${phrases.join('|')})$`, 'iu');
}

/** Whole words inside a longer text: not preceded or followed by a letter. */
function words(phrases: readonly string[]): RegExp {
  return new RegExp(`(?<!\\p{L})(?:${phrases.join('|')})(?!\\p{L})`, 'iu');
}

/** Two-step verification's name in every marketplace's language (regex source parts). */
export const TWO_STEP_NAMES = [
  '2-step verification',
  'two-step verification(?: \\(2sv\\))?(?: settings)?',
  '2sv(?: settings)?',
  '2段階認証(?:の設定)?',
  '2 段階認証(?:の設定)?',
  'zwei-schritt-verifizierung', // de
  'bestätigung in zwei schritten',
  'vérification en deux étapes', // fr
  'verifica in due passaggi', // it
  'verificación en dos pasos', // es, es-MX
  'verificatie in twee stappen', // nl
  'weryfikacja dwuetapowa', // pl
  'tvåstegsverifiering', // sv
  'iki adımlı doğrulama', // tr
  'verificação em duas etapas', // pt-BR
  'التحقق بخطوتين', // ar
];

/** Row labels on Login & Security (and the current /ax/account/manage sections). */
export const LABELS = {
  name: whole(['name', '氏名', '名前', 'お名前', 'nom', 'nome', 'nombre', 'naam', 'imię i nazwisko', 'imię', 'namn', 'ad', 'ad soyad', 'الاسم']),
  email: whole([
    'e-?mail',
    'email address',
    'eメール',
    'eメールアドレス',
    'メールアドレス',
    'e-mail-adresse', // de
    'adresse e-mail', // fr
    'indirizzo e-mail', // it
    'correo electrónico', // es
    'e-mailadres', // nl
    'adres e-mail', // pl
    'e-postadress', // sv
    'e-posta(?: adresi)?', // tr
    'endereço de e-mail', // pt-BR
    'البريد الإلكتروني', // ar
  ]),
  phone: whole([
    'mobile (?:phone )?number',
    'primary mobile number',
    'phone number',
    '携帯電話番号',
    '携帯番号',
    '電話番号',
    'handynummer', // de
    'numéro de (?:téléphone )?mobile', // fr
    'numero di cellulare', // it
    'número de (?:teléfono )?móvil', // es
    'número de celular', // es-MX, pt-BR
    'mobiel nummer', // nl
    'numer telefonu komórkowego', // pl
    'mobilnummer', // sv
    'cep telefonu numarası', // tr
    'رقم الجوال', // ar
  ]),
  twoStep: whole(TWO_STEP_NAMES),
  passkeys: whole(['passkeys?', 'パスキー', 'clés? d.accès', 'chiavi? di accesso', 'claves? de acceso', 'toegangssleutels?', 'klucze? dostępu', 'nycklar', 'geçiş anahtar(?:ı|ları)', 'chaves? de acesso', 'مفاتيح المرور']),
};

/** Japanese has no spaces between words: its state words are matched anywhere in the text. */
const OFF_CJK = /無効|オフ|未設定|設定されていません|有効になっていません/;
const ON_CJK = /有効|オン/;

/** "Off" words inside a text; checked before ON, since several contain an "on" word ("deaktiviert", "inactive"). */
const OFF_WORDS = words([
  'disabled',
  'not enabled',
  'not set up',
  'inactive',
  'deaktiviert', // de
  'nicht eingerichtet',
  'désactivée?', // fr
  'non configurée?',
  'disattivat[ao]', // it
  'disabilitat[ao]',
  'desactivad[ao]', // es, es-MX
  'deshabilitad[ao]',
  'uitgeschakeld', // nl
  'wyłączon[aey]', // pl
  'inaktiverad', // sv
  'avstängd',
  'kapalı', // tr
  'devre dışı',
  'desativad[ao]', // pt-BR
  'desligad[ao]',
  'غير مفعل', // ar
  'معطل',
]);

const ON_WORDS = words([
  'enabled',
  'active',
  'aktiviert', // de
  'activée?', // fr
  'attivat[ao]', // it
  'abilitat[ao]',
  'activad[ao]', // es, es-MX
  'habilitad[ao]',
  'ingeschakeld', // nl
  'włączon[aey]', // pl
  'aktiverad', // sv
  'açık', // tr
  'etkin',
  'ativad[ao]', // pt-BR
  'ligad[ao]',
  'مفعل', // ar
]);

/** Short words that say on/off only as the whole value ("On"), never inside a sentence ("turn on"). */
const BARE_OFF = whole(['off', 'aus', 'uit', 'av', 'spento']);
const BARE_ON = whole(['on', 'ein', 'an', 'aan', 'på', 'acceso']);

/**
 * "Enabled"/"有効"/"Aktiviert" -> on; "Disabled"/"無効"/"Désactivée" -> off;
 * null when the text says neither (a sentence such as "turn on ..." says nothing about the state).
 */
export function stateWord(t: string | null): 'on' | 'off' | null {
  if (!t) return null;
  const bare = t.trim();
  if (BARE_OFF.test(bare)) return 'off';
  if (BARE_ON.test(bare)) return 'on';
  if (OFF_CJK.test(t) || OFF_WORDS.test(t)) return 'off';
  if (ON_CJK.test(t) || ON_WORDS.test(t)) return 'on';
  return null;
}

/** The 2SV button offered only when it is off. */
export const TURN_ON = whole([
  'turn on',
  'enable',
  'get started',
  '有効にする',
  'オンにする',
  '設定する',
  'aktivieren', // de
  'einschalten',
  'activer', // fr
  'attiva', // it
  'activar', // es
  'inschakelen', // nl
  'włącz', // pl
  'aktivera', // sv
  'slå på',
  'etkinleştir', // tr
  'aç',
  'ativar', // pt-BR
  'تفعيل', // ar
]);
