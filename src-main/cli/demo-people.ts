// Demo customers: Chinese names (rare characters such as 旻 堃 喆 included, because they
// break naive fonts and search), phone numbers in the formats clerks actually type, and a
// pool of regulars so that repeat customers exist.
import type { Rng } from './prng';

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
  '马',
  '罗',
  '梁',
  '宋',
  '郑',
  '谢',
  '韩',
  '唐',
  '冯',
  '于',
  '董',
  '萧',
  '程',
  '曹',
  '袁',
  '邓',
  '许',
  '傅',
  '沈',
  '曾',
  '彭',
  '吕',
  '欧阳',
  '司马',
  '上官',
  '诸葛',
];
const GIVEN = [
  '旻',
  '堃',
  '喆',
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '桂英',
  '志强',
  '建华',
  '晓东',
  '子涵',
  '梓萱',
  '一诺',
  '浩然',
  '玥',
  '昱',
  '翀',
  '犇',
  '淼',
  '燚',
  '珺',
  '璟',
  '喆然',
  '堃鹏',
  '旻昊',
  '雨桐',
  '思远',
  '文斌',
  '海燕',
  '丽华',
  '国庆',
  '红梅',
  '德明',
  '婕',
  '彧',
  '昶',
  '赟',
];
const MOBILE_PREFIXES = [
  '138',
  '139',
  '135',
  '136',
  '137',
  '150',
  '151',
  '158',
  '186',
  '187',
  '133',
  '177',
  '180',
  '189',
  '199',
];
const CONTACT_TIMES = ['工作日晚上', '周末全天', '上午十点前', '中午休息时', '随时可以', '下午三点后'];
const STREETS = [
  '淮海中路',
  '南京西路',
  '四川北路',
  '长寿路',
  '漕溪北路',
  '张杨路',
  '虹桥路',
  '曹杨路',
  '控江路',
  '共和新路',
];
const DISTRICTS = ['黄浦区', '静安区', '虹口区', '普陀区', '徐汇区', '浦东新区', '长宁区', '杨浦区'];
const MAIL_HANDLES = [
  'zhangmin',
  'liwei88',
  'sunny.wang',
  'chen_jie',
  'xiaolin2020',
  'huanghe',
  'zhou.yun',
  'mama_tao',
  'laoli1966',
  'kunpeng',
];
const MAIL_HOSTS = ['163.com', 'qq.com', '126.com', 'sina.com', 'foxmail.com'];

export interface DemoCustomer {
  name?: string;
  phone?: string;
  otherContact?: string;
  preferredContactTime?: string;
}

export function chineseName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN);
}

/** A polite form a caller often gives instead of a full name: 王先生, 李女士. */
export function politeName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(['先生', '女士', '阿姨', '老师']);
}

const digits = (rng: Rng, n: number): string => Array.from({ length: n }, () => String(rng.int(0, 9))).join('');

/** A mobile or landline number, written the way people dictate it (spaces, dashes, +86). */
export function phoneNumber(rng: Rng): string {
  if (rng.chance(0.12)) return `021-${rng.int(5, 6)}${digits(rng, 3)} ${digits(rng, 4)}`;
  const n = rng.pick(MOBILE_PREFIXES) + digits(rng, 8);
  return rng.weighted<string>([
    [n, 6],
    [`${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`, 3],
    [`+86 ${n}`, 1],
  ]);
}

export function postalAddress(rng: Rng): string {
  return `上海市${rng.pick(DISTRICTS)}${rng.pick(STREETS)}${rng.int(1, 999)}弄${rng.int(1, 40)}号${rng.int(101, 2403)}室`;
}

export function emailAddress(rng: Rng): string {
  return `${rng.pick(MAIL_HANDLES)}${rng.int(1, 99)}@${rng.pick(MAIL_HOSTS)}`;
}

export const contactTime = (rng: Rng): string | undefined => (rng.chance(0.4) ? rng.pick(CONTACT_TIMES) : undefined);

/**
 * The customers of the demo. `regulars` come back again and again; the first three of them
 * are the "difficult" customers whose complaints are found unfounded (SPEC §9).
 */
export class DemoCustomers {
  readonly regulars: DemoCustomer[];

  constructor(
    private readonly rng: Rng,
    regularCount: number,
  ) {
    const fixed: DemoCustomer[] = [
      { name: '司马喆', phone: '139 1725 0086', preferredContactTime: '工作日晚上' },
      { name: '欧阳堃', phone: '13661897702' },
      { name: '林旻', phone: '021-6235 1188' },
    ];
    this.regulars = [...fixed];
    while (this.regulars.length < Math.max(regularCount, fixed.length)) {
      this.regulars.push({ name: chineseName(rng), phone: phoneNumber(rng), preferredContactTime: contactTime(rng) });
    }
  }

  /** A difficult customer (index 0 gets the most unfounded findings). */
  difficult(i: 0 | 1 | 2): DemoCustomer {
    return this.regulars[i] as DemoCustomer;
  }

  /** A customer for a new case: a regular a quarter of the time, otherwise someone new. */
  pick(needsPhone: boolean): DemoCustomer {
    const rng = this.rng;
    if (rng.chance(0.25)) return rng.pick(this.regulars.slice(3));
    const style = rng.weighted<'full' | 'polite' | 'phoneOnly' | 'nameOnly'>([
      ['full', 6],
      ['polite', 2],
      ['phoneOnly', 1],
      ['nameOnly', needsPhone ? 0 : 1],
    ]);
    const phone = style === 'nameOnly' ? undefined : phoneNumber(rng);
    const name =
      style === 'full' || style === 'nameOnly' ? chineseName(rng) : style === 'polite' ? politeName(rng) : undefined;
    return { name, phone, preferredContactTime: contactTime(rng) };
  }
}
