// What must never appear in a public field: a natural person's ID number,
// mobile or phone number, home address, or unmasked name (DOMAIN.md, Privacy).
// The checks lean towards flagging: a false alarm costs an editor a minute,
// a leak cannot be taken back.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** True for an 18-digit resident ID number with a plausible birth date and a correct check digit. */
export function isResidentIdNumber(candidate: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(candidate)) return false;
  const year = Number(candidate.slice(6, 10));
  const month = Number(candidate.slice(10, 12));
  const day = Number(candidate.slice(12, 14));
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(candidate[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[sum % 11] === candidate[17]?.toUpperCase();
}

/** A masked natural person's name: surname (one or two characters) then 某 or 某某. */
export const MASKED_NAME = /^(?:(?!某)\p{Script=Han}){1,2}某{1,2}$/u;

// Words that introduce a person in Chinese decision texts; a 2–3 character
// name right after one, followed by punctuation, is taken for a full name.
const PERSON_INTRO = '(?:当事人|村民|法定代表人|负责人|经营者|业主|户主|举报人|实际控制人|股东|承包人|经办人)';
const FULL_NAME_AFTER_INTRO = new RegExp(
  `${PERSON_INTRO}[：:]?\\s?((?!某)\\p{Script=Han}(?:(?!某)\\p{Script=Han}){1,2})(?=[，,。；;、（(）)\\s]|$)`,
  'gu',
);
// Words that commonly follow an intro word and are not names.
const NOT_NAMES = new Set(['未经', '擅自', '在此', '对此', '对其', '系', '称', '本人', '承认', '拒绝', '陈述', '申辩', '签字', '名下', '以上']);

export interface PrivacyFinding {
  /** What was found, in words an editor understands. */
  kind: 'id-number' | 'phone-number' | 'home-address' | 'full-name';
  /** The offending text, shortened so the finding itself does not spread it. */
  excerpt: string;
}

const PHONE = /(?<![\d])(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?!\d)/g;
const LANDLINE = /(?<![\d-])0\d{2,3}-\d{7,8}(?!\d)/g;
const ID_CANDIDATE = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
const HOME_ADDRESS = /(家庭住址|住址|家住|户籍地址|户籍所在地|现住)/g;

function shorten(text: string): string {
  return text.length <= 4 ? `${text.slice(0, 1)}…` : `${text.slice(0, 3)}…`;
}

/**
 * Finds personal data in a public text. `allowLandlines` lets an office's
 * published phone through (offices are not natural persons).
 */
export function findPersonalData(text: string, options: { allowLandlines?: boolean } = {}): PrivacyFinding[] {
  const findings: PrivacyFinding[] = [];
  for (const m of text.matchAll(ID_CANDIDATE)) {
    if (isResidentIdNumber(m[0])) findings.push({ kind: 'id-number', excerpt: shorten(m[0]) });
  }
  for (const m of text.matchAll(PHONE)) findings.push({ kind: 'phone-number', excerpt: shorten(m[0]) });
  if (!options.allowLandlines) {
    for (const m of text.matchAll(LANDLINE)) findings.push({ kind: 'phone-number', excerpt: shorten(m[0]) });
  }
  for (const m of text.matchAll(HOME_ADDRESS)) findings.push({ kind: 'home-address', excerpt: m[0] });
  for (const m of text.matchAll(FULL_NAME_AFTER_INTRO)) {
    const name = m[1] ?? '';
    if (!NOT_NAMES.has(name) && ![...NOT_NAMES].some((w) => name.startsWith(w))) {
      findings.push({ kind: 'full-name', excerpt: shorten(name) });
    }
  }
  return findings;
}

/** Plain Chinese for each kind of finding, used in build errors. */
export const PRIVACY_EXPECTATION: Record<PrivacyFinding['kind'], string> = {
  'id-number': 'expected no 身份证号 of a natural person',
  'phone-number': 'expected no phone number of a natural person',
  'home-address': 'expected no home address (住址) of a natural person',
  'full-name': 'expected natural persons masked as 张某 / 张某某, found an unmasked name',
};
