// Country calling codes (ITU-T E.164) → region, and dialling conventions for default countries.

/** Calling code → ISO 3166 region; `NANP` for +1, `INTL` for non-geographic codes. */
const CODES: Record<string, string> = {
  '1': 'NANP', '7': 'RU', '20': 'EG', '27': 'ZA', '30': 'GR', '31': 'NL', '32': 'BE', '33': 'FR',
  '34': 'ES', '36': 'HU', '39': 'IT', '40': 'RO', '41': 'CH', '43': 'AT', '44': 'GB', '45': 'DK',
  '46': 'SE', '47': 'NO', '48': 'PL', '49': 'DE', '51': 'PE', '52': 'MX', '53': 'CU', '54': 'AR',
  '55': 'BR', '56': 'CL', '57': 'CO', '58': 'VE', '60': 'MY', '61': 'AU', '62': 'ID', '63': 'PH',
  '64': 'NZ', '65': 'SG', '66': 'TH', '81': 'JP', '82': 'KR', '84': 'VN', '86': 'CN', '90': 'TR',
  '91': 'IN', '92': 'PK', '93': 'AF', '94': 'LK', '95': 'MM', '98': 'IR',
  '211': 'SS', '212': 'MA', '213': 'DZ', '216': 'TN', '218': 'LY', '220': 'GM', '221': 'SN', '222': 'MR',
  '223': 'ML', '224': 'GN', '225': 'CI', '226': 'BF', '227': 'NE', '228': 'TG', '229': 'BJ', '230': 'MU',
  '231': 'LR', '232': 'SL', '233': 'GH', '234': 'NG', '235': 'TD', '236': 'CF', '237': 'CM', '238': 'CV',
  '239': 'ST', '240': 'GQ', '241': 'GA', '242': 'CG', '243': 'CD', '244': 'AO', '245': 'GW', '246': 'IO',
  '247': 'AC', '248': 'SC', '249': 'SD', '250': 'RW', '251': 'ET', '252': 'SO', '253': 'DJ', '254': 'KE',
  '255': 'TZ', '256': 'UG', '257': 'BI', '258': 'MZ', '260': 'ZM', '261': 'MG', '262': 'RE', '263': 'ZW',
  '264': 'NA', '265': 'MW', '266': 'LS', '267': 'BW', '268': 'SZ', '269': 'KM', '290': 'SH', '291': 'ER',
  '297': 'AW', '298': 'FO', '299': 'GL',
  '350': 'GI', '351': 'PT', '352': 'LU', '353': 'IE', '354': 'IS', '355': 'AL', '356': 'MT', '357': 'CY',
  '358': 'FI', '359': 'BG', '370': 'LT', '371': 'LV', '372': 'EE', '373': 'MD', '374': 'AM', '375': 'BY',
  '376': 'AD', '377': 'MC', '378': 'SM', '380': 'UA', '381': 'RS', '382': 'ME', '383': 'XK', '385': 'HR',
  '386': 'SI', '387': 'BA', '389': 'MK', '420': 'CZ', '421': 'SK', '423': 'LI',
  '500': 'FK', '501': 'BZ', '502': 'GT', '503': 'SV', '504': 'HN', '505': 'NI', '506': 'CR', '507': 'PA',
  '508': 'PM', '509': 'HT', '590': 'GP', '591': 'BO', '592': 'GY', '593': 'EC', '594': 'GF', '595': 'PY',
  '596': 'MQ', '597': 'SR', '598': 'UY', '599': 'CW',
  '670': 'TL', '672': 'NF', '673': 'BN', '674': 'NR', '675': 'PG', '676': 'TO', '677': 'SB', '678': 'VU',
  '679': 'FJ', '680': 'PW', '681': 'WF', '682': 'CK', '683': 'NU', '685': 'WS', '686': 'KI', '687': 'NC',
  '688': 'TV', '689': 'PF', '690': 'TK', '691': 'FM', '692': 'MH',
  '800': 'INTL', '808': 'INTL', '850': 'KP', '852': 'HK', '853': 'MO', '855': 'KH', '856': 'LA',
  '870': 'INTL', '878': 'INTL', '880': 'BD', '881': 'INTL', '882': 'INTL', '883': 'INTL', '886': 'TW',
  '888': 'INTL', '960': 'MV', '961': 'LB', '962': 'JO', '963': 'SY', '964': 'IQ', '965': 'KW', '966': 'SA',
  '967': 'YE', '968': 'OM', '970': 'PS', '971': 'AE', '972': 'IL', '973': 'BH', '974': 'QA', '975': 'BT',
  '976': 'MN', '977': 'NP', '979': 'INTL', '992': 'TJ', '993': 'TM', '994': 'AZ', '995': 'GE', '996': 'KG',
  '998': 'UZ',
};

/** Splits international digits (no +) into calling code and national number; longest code wins. */
export function splitCallingCode(digits: string): { cc: string; national: string; region: string } | undefined {
  for (const len of [1, 2, 3]) {
    const cc = digits.slice(0, len);
    const region = CODES[cc];
    if (region) {
      const national = digits.slice(len);
      // +7 is shared: Kazakhstan numbers start with 6 or 7.
      return { cc, national, region: cc === '7' && /^[67]/.test(national) ? 'KZ' : region };
    }
  }
  return undefined;
}

/** Dialling conventions: calling code, trunk (national) prefix, international call prefixes. */
export type DialPlan = { cc: string; trunk: string; intl: readonly string[] };

export const DIAL_PLANS: Record<string, DialPlan> = {
  CN: { cc: '86', trunk: '0', intl: ['00'] },
  HK: { cc: '852', trunk: '', intl: ['001', '00'] },
  MO: { cc: '853', trunk: '', intl: ['00'] },
  TW: { cc: '886', trunk: '0', intl: ['002', '00'] },
  US: { cc: '1', trunk: '1', intl: ['011'] },
  CA: { cc: '1', trunk: '1', intl: ['011'] },
  GB: { cc: '44', trunk: '0', intl: ['00'] },
  DE: { cc: '49', trunk: '0', intl: ['00'] },
  FR: { cc: '33', trunk: '0', intl: ['00'] },
  NL: { cc: '31', trunk: '0', intl: ['00'] },
  ES: { cc: '34', trunk: '', intl: ['00'] },
  // Italian numbers keep their leading 0 after the country code.
  IT: { cc: '39', trunk: '', intl: ['00'] },
  JP: { cc: '81', trunk: '0', intl: ['010'] },
  KR: { cc: '82', trunk: '0', intl: ['001', '002', '00'] },
  SG: { cc: '65', trunk: '', intl: ['000'] },
  MY: { cc: '60', trunk: '0', intl: ['00'] },
  TH: { cc: '66', trunk: '0', intl: ['001'] },
  VN: { cc: '84', trunk: '0', intl: ['00'] },
  PH: { cc: '63', trunk: '0', intl: ['00'] },
  ID: { cc: '62', trunk: '0', intl: ['001', '00'] },
  KH: { cc: '855', trunk: '0', intl: ['00'] },
  MM: { cc: '95', trunk: '0', intl: ['00'] },
  LA: { cc: '856', trunk: '0', intl: ['00'] },
  AU: { cc: '61', trunk: '0', intl: ['0011'] },
  NZ: { cc: '64', trunk: '0', intl: ['00'] },
  RU: { cc: '7', trunk: '8', intl: ['810'] },
  IN: { cc: '91', trunk: '0', intl: ['00'] },
  BR: { cc: '55', trunk: '0', intl: ['00'] },
  AE: { cc: '971', trunk: '0', intl: ['00'] },
};
