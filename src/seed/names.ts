import { ProductField } from '../modules/enterprise/enterprise.enums';
import { Rng, WeightedPicker } from './random';

/**
 * Company and platform names in the shape Chinese registrations take:
 * place + trade name (字号) + line of business + legal form, e.g.
 * "苏州精研精密机械股份有限公司".
 */

/** GB/T 4754-2017 divisions the generated firms fall in. */
export const INDUSTRIES: Readonly<Record<string, string>> = {
  C14: 'C14 食品制造业',
  C17: 'C17 纺织业',
  C21: 'C21 家具制造业',
  C22: 'C22 造纸和纸制品业',
  C24: 'C24 文教、工美、体育和娱乐用品制造业',
  C26: 'C26 化学原料和化学制品制造业',
  C27: 'C27 医药制造业',
  C29: 'C29 橡胶和塑料制品业',
  C30: 'C30 非金属矿物制品业',
  C32: 'C32 有色金属冶炼和压延加工业',
  C33: 'C33 金属制品业',
  C34: 'C34 通用设备制造业',
  C35: 'C35 专用设备制造业',
  C36: 'C36 汽车制造业',
  C37: 'C37 铁路、船舶、航空航天和其他运输设备制造业',
  C38: 'C38 电气机械和器材制造业',
  C39: 'C39 计算机、通信和其他电子设备制造业',
  C40: 'C40 仪器仪表制造业',
  I65: 'I65 软件和信息技术服务业',
  M74: 'M74 专业技术服务业',
};

/** Per product field: the words a company in it names its business with, and its industry division. */
export const LINES_OF_BUSINESS: Readonly<Record<ProductField, readonly (readonly [string, string])[]>> = {
  CORE_BASIC_COMPONENTS: [
    ['精密机械', 'C34'],
    ['轴承', 'C34'],
    ['液压', 'C34'],
    ['传动科技', 'C34'],
    ['密封科技', 'C34'],
    ['精密部件', 'C33'],
    ['紧固件', 'C33'],
    ['齿轮', 'C34'],
  ],
  KEY_BASIC_ELECTRONIC_COMPONENTS: [
    ['电子', 'C39'],
    ['微电子', 'C39'],
    ['传感技术', 'C39'],
    ['半导体', 'C39'],
    ['光电科技', 'C39'],
    ['电子元件', 'C39'],
    ['集成电路', 'C39'],
  ],
  KEY_BASIC_SOFTWARE: [
    ['软件', 'I65'],
    ['信息技术', 'I65'],
    ['数据科技', 'I65'],
    ['工业软件', 'I65'],
    ['网络技术', 'I65'],
  ],
  KEY_BASIC_MATERIALS: [
    ['新材料', 'C26'],
    ['化工科技', 'C26'],
    ['特种材料', 'C30'],
    ['精细化工', 'C26'],
    ['功能材料', 'C26'],
    ['陶瓷科技', 'C30'],
  ],
  ADVANCED_BASIC_PROCESSES: [
    ['精密铸造', 'C33'],
    ['表面技术', 'C33'],
    ['热处理', 'C33'],
    ['锻造', 'C33'],
    ['精密制造', 'C34'],
  ],
  INDUSTRIAL_TECHNOLOGY_BASE: [
    ['检测技术', 'M74'],
    ['仪器仪表', 'C40'],
    ['计量科技', 'C40'],
    ['测控技术', 'C40'],
    ['标准技术', 'M74'],
  ],
  NEXT_GENERATION_IT: [
    ['通信技术', 'C39'],
    ['网络科技', 'I65'],
    ['物联网科技', 'I65'],
    ['智能科技', 'I65'],
    ['光通信', 'C39'],
  ],
  HIGH_END_CNC_AND_ROBOTS: [
    ['数控机床', 'C34'],
    ['机器人', 'C34'],
    ['智能装备', 'C35'],
    ['自动化设备', 'C35'],
    ['激光科技', 'C34'],
  ],
  AEROSPACE_EQUIPMENT: [
    ['航空科技', 'C37'],
    ['航天科技', 'C37'],
    ['无人机', 'C37'],
    ['航空部件', 'C37'],
  ],
  OCEAN_ENGINEERING_AND_SHIPS: [
    ['船舶科技', 'C37'],
    ['海洋工程', 'C37'],
    ['船舶配套', 'C37'],
  ],
  ADVANCED_RAIL_TRANSIT: [
    ['轨道交通', 'C37'],
    ['轨道装备', 'C37'],
    ['轨交科技', 'C37'],
  ],
  NEW_ENERGY_VEHICLES: [
    ['汽车零部件', 'C36'],
    ['新能源科技', 'C38'],
    ['动力电池', 'C38'],
    ['汽车电子', 'C36'],
  ],
  POWER_EQUIPMENT: [
    ['电气', 'C38'],
    ['电力设备', 'C38'],
    ['电机', 'C38'],
    ['储能科技', 'C38'],
    ['变压器', 'C38'],
  ],
  AGRICULTURAL_MACHINERY: [
    ['农业机械', 'C35'],
    ['农机装备', 'C35'],
    ['智能农机', 'C35'],
  ],
  NEW_MATERIALS: [
    ['新材料', 'C26'],
    ['高分子材料', 'C29'],
    ['复合材料', 'C29'],
    ['特种合金', 'C32'],
    ['碳材料', 'C30'],
  ],
  BIOMEDICINE_AND_MEDICAL_DEVICES: [
    ['生物医药', 'C27'],
    ['医疗器械', 'C35'],
    ['生物科技', 'C27'],
    ['制药', 'C27'],
    ['医疗科技', 'C35'],
  ],
  // Not drawn by the generator (FIELD_WEIGHTS leaves them out, so the seeded world stays as it was): names for firms registered by hand.
  INFORMATION_INFRASTRUCTURE: [
    ['通信设施', 'C39'],
    ['数据中心', 'I65'],
    ['算力科技', 'I65'],
  ],
  KEY_CORE_TECHNOLOGIES: [
    ['芯片设计', 'I65'],
    ['操作系统', 'I65'],
    ['工业控制', 'C40'],
  ],
  CYBER_SECURITY: [
    ['网络安全', 'I65'],
    ['信息安全', 'I65'],
    ['安全技术', 'I65'],
  ],
  DATA_SECURITY: [
    ['数据安全', 'I65'],
    ['密码技术', 'I65'],
    ['数据治理', 'I65'],
  ],
  OTHER: [
    ['食品', 'C14'],
    ['纺织', 'C17'],
    ['家居', 'C21'],
    ['包装', 'C22'],
    ['工艺品', 'C24'],
  ],
};

/** Characters trade names are made of. */
const TRADE_NAME_CHARS = [
  ...new Set(
    '精研恒瑞华拓新博科达创鑫宏越源泰迈德诺凯锐昊晟睿捷驰安联智汇普盛腾航信立佳益祥邦铭润弘卓远高微光芯云海星天正合元和兴坤嘉禾锦辉峰旭晨思图威奥康美亿万中宇乾瀚骏舜泽钧翔耀众策固铂钛硕启鼎浩晶磊',
  ),
];

/** A product field for a firm of the given kind: little giants sit almost all in the basics and key sectors. */
const FIELD_WEIGHTS: Readonly<Record<'LITTLE_GIANT' | 'SRDI' | 'INNOVATIVE' | 'NONE', WeightedPicker<ProductField>>> = (() => {
  const base: [ProductField, number][] = [
    [ProductField.CORE_BASIC_COMPONENTS, 12],
    [ProductField.KEY_BASIC_ELECTRONIC_COMPONENTS, 9],
    [ProductField.KEY_BASIC_SOFTWARE, 6],
    [ProductField.KEY_BASIC_MATERIALS, 9],
    [ProductField.ADVANCED_BASIC_PROCESSES, 6],
    [ProductField.INDUSTRIAL_TECHNOLOGY_BASE, 4],
    [ProductField.NEXT_GENERATION_IT, 8],
    [ProductField.HIGH_END_CNC_AND_ROBOTS, 9],
    [ProductField.AEROSPACE_EQUIPMENT, 2],
    [ProductField.OCEAN_ENGINEERING_AND_SHIPS, 1.5],
    [ProductField.ADVANCED_RAIL_TRANSIT, 1.5],
    [ProductField.NEW_ENERGY_VEHICLES, 7],
    [ProductField.POWER_EQUIPMENT, 5],
    [ProductField.AGRICULTURAL_MACHINERY, 1.5],
    [ProductField.NEW_MATERIALS, 9],
    [ProductField.BIOMEDICINE_AND_MEDICAL_DEVICES, 8],
  ];
  const withOther = (share: number) => WeightedPicker.of<ProductField>([...base, [ProductField.OTHER, (share / (1 - share)) * 99.5]]);
  return { LITTLE_GIANT: withOther(0.03), SRDI: withOther(0.15), INNOVATIVE: withOther(0.3), NONE: withOther(0.4) };
})();

export type FirmKind = keyof typeof FIELD_WEIGHTS;

export function pickProductField(rng: Rng, kind: FirmKind): ProductField {
  return FIELD_WEIGHTS[kind].pick(rng);
}

export interface NamedBusiness {
  name: string;
  industry: string;
}

/**
 * Generates company names that are unique within one run. Share-holding
 * companies (股份有限公司) are commoner among larger, older firms.
 */
export class CompanyNamer {
  private readonly used = new Set<string>();

  /** Names that must not be generated again (the fixed demo tenants). */
  reserve(name: string): void {
    this.used.add(name);
  }

  name(rng: Rng, place: string, field: ProductField, kind: FirmKind): NamedBusiness {
    const [word, division] = rng.pick(LINES_OF_BUSINESS[field]);
    const industry = INDUSTRIES[division];
    const jointStock = rng.chance(kind === 'LITTLE_GIANT' ? 0.6 : kind === 'SRDI' ? 0.35 : 0.15);
    const form = jointStock ? '股份有限公司' : '有限公司';
    const tech = !/科技|技术/.test(word) && rng.chance(0.2) ? '科技' : '';
    for (let attempt = 0; attempt < 50; attempt++) {
      const a = rng.pick(TRADE_NAME_CHARS);
      let b = rng.pick(TRADE_NAME_CHARS);
      if (b === a) b = rng.pick(TRADE_NAME_CHARS);
      // After many clashes, a three-character trade name (rarer, still plausible).
      const trade = attempt < 20 ? a + b : a + b + rng.pick(TRADE_NAME_CHARS);
      const name = `${place}${trade}${word}${tech}${form}`;
      if (!this.used.has(name)) {
        this.used.add(name);
        return { name, industry };
      }
    }
    throw new Error(`could not find a free company name for ${place}/${word}`);
  }
}

const PLATFORM_TOPICS = [
  '技术创新',
  '数字化转型',
  '工业设计',
  '知识产权',
  '检验检测',
  '投融资',
  '人才培训',
  '上市培育',
  '创业孵化',
  '工业互联网',
  '质量标准',
  '成果转化',
  '管理咨询',
  '法律服务',
  '科技金融',
  '智能制造',
  '信息化',
  '创新创业',
  '节能环保',
  '国际合作',
];

export interface PlatformName {
  name: string;
  operator: string;
  /** Registration type of the operator's credit code: 12 public institution, 91 company, 11 government body. */
  operatorType: '11' | '12' | '91';
}

/** Names for demonstration platforms and development zones, unique within one run. */
export class PlatformNamer {
  private readonly used = new Set<string>();
  private readonly operators = new Set<string>();

  reserve(name: string, operator: string): void {
    this.used.add(name);
    this.operators.add(operator);
  }

  /**
   * A demonstration platform named after `place` (a province for provincial
   * centres, else a city or district), or null when every name for that place is taken.
   */
  demonstrationPlatform(rng: Rng, place: string, provincial: boolean, trade: () => string): PlatformName | null {
    const forms = provincial
      ? [(t: string) => `${place}中小企业${t}公共服务平台`, (t: string) => `${place}${t}公共服务示范平台`]
      : [(t: string) => `${place}中小企业${t}服务平台`, (t: string) => `${place}${t}公共服务中心`];
    for (const topic of rng.shuffle([...PLATFORM_TOPICS])) {
      for (const form of forms) {
        const name = form(topic);
        if (this.used.has(name)) continue;
        const roll = rng.next();
        let operator = roll < 0.35 ? `${place}中小企业服务中心` : roll < 0.55 ? `${place}生产力促进中心` : '';
        let operatorType: PlatformName['operatorType'] = '12';
        for (let attempt = 0; operator === '' || this.operators.has(operator); attempt++) {
          if (attempt > 20) throw new Error(`could not find a free operator name for ${place}`);
          operator = `${place}${trade()}${topic}服务有限公司`;
          operatorType = '91';
        }
        this.used.add(name);
        this.operators.add(operator);
        return { name, operator, operatorType };
      }
    }
    return null;
  }

  developmentZone(rng: Rng, place: string): PlatformName {
    const kinds = ['高新技术产业开发区', '经济技术开发区', '高新区专精特新产业园', '智能制造产业园'];
    for (const kind of rng.shuffle([...kinds])) {
      const name = `${place}${kind}`;
      const operator = `${name}管理委员会`;
      if (this.used.has(name) || this.operators.has(operator)) continue;
      this.used.add(name);
      this.operators.add(operator);
      return { name, operator, operatorType: '11' };
    }
    throw new Error(`could not find a free development-zone name for ${place}`);
  }
}

/** Two trade-name characters, for operators. */
export function tradeName(rng: Rng): string {
  const a = rng.pick(TRADE_NAME_CHARS);
  let b = rng.pick(TRADE_NAME_CHARS);
  if (a === b) b = rng.pick(TRADE_NAME_CHARS);
  return a + b;
}
