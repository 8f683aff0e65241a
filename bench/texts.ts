// Chinese complaint texts for the bench: names, phones, contents, expected resolutions.
// Built from parts rather than a few fixed strings so the search index sees a realistic
// spread of common and rare characters and bigrams (a handful of repeated sentences would
// make every FTS doclist either tiny or total, and the search figures meaningless).
import type { Rng } from '../src-main/cli/prng';

/** One unit (柜组) of the branch, with what it sells and what goes wrong with it. */
export interface UnitSpec {
  code: string;
  name: string;
  products: readonly string[];
  problems: readonly string[];
}

export const UNIT_SPECS: readonly UnitSpec[] = [
  {
    code: 'SHOES',
    name: '鞋部',
    products: ['男士皮鞋', '女士高跟鞋', '运动鞋', '儿童凉鞋', '雪地靴', '休闲鞋'],
    problems: ['穿了两天就开胶了', '鞋底断裂', '鞋面起皱掉皮', '左右两只尺码不一样', '走路时鞋跟脱落'],
  },
  {
    code: 'WOMEN',
    name: '女装部',
    products: ['羊毛大衣', '连衣裙', '真丝衬衫', '针织开衫', '羽绒服'],
    problems: ['洗了一次就缩水', '掉色严重染了其他衣服', '拉链坏了', '羽绒服钻绒', '线头很多做工粗糙'],
  },
  {
    code: 'MEN',
    name: '男装部',
    products: ['西装', '衬衫', '牛仔裤', '夹克', '羊绒衫'],
    problems: ['扣子脱落', '面料起球', '尺码与标签不符', '有明显污渍', '裤腿长短不一'],
  },
  {
    code: 'KIDS',
    name: '童装部',
    products: ['儿童羽绒服', '婴儿连体衣', '儿童书包', '学步鞋'],
    problems: ['有刺鼻气味', '吊牌上的成分与实际不符', '缝线开裂', '孩子穿后皮肤过敏'],
  },
  {
    code: 'APPL',
    name: '家电部',
    products: ['电饭煲', '空调', '洗衣机', '微波炉', '电热水壶', '吸尘器', '冰箱'],
    problems: ['通电后不工作', '运行时有异响', '漏水', '制冷效果差', '用了一周就坏了', '显示屏不亮'],
  },
  {
    code: 'DIGI',
    name: '数码通讯部',
    products: ['手机', '蓝牙耳机', '平板电脑', '智能手表', '充电宝'],
    problems: ['电池续航很差', '屏幕有坏点', '充不进电', '连接不上蓝牙', '开机后自动重启'],
  },
  {
    code: 'FOOD',
    name: '食品部',
    products: ['牛奶', '月饼礼盒', '面包', '速冻水饺', '坚果礼盒', '进口红酒', '酸奶'],
    problems: ['发现已过保质期', '包装内有异物', '吃后腹泻', '克重不足', '开封后有异味', '生产日期模糊不清'],
  },
  {
    code: 'FRESH',
    name: '生鲜超市',
    products: ['猪肉', '活鱼', '草莓', '鸡蛋', '大米', '蔬菜礼盒'],
    problems: ['称重短斤少两', '买回家发现已经变质', '标价与结算价不一致', '鸡蛋有好几个是破的', '有农药味'],
  },
  {
    code: 'COSM',
    name: '化妆品部',
    products: ['面霜', '口红', '精华液', '防晒霜', '香水'],
    problems: ['使用后脸部红肿', '疑似假货', '赠品没有给', '专柜说可以试用后退货但不予退货'],
  },
  {
    code: 'JEWL',
    name: '珠宝部',
    products: ['金项链', '银手镯', '翡翠吊坠', '钻石戒指', '黄金耳钉'],
    problems: ['佩戴一个月就变色', '证书与实物不符', '克重比发票少', '镶嵌的钻石脱落', '以旧换新折价不合理'],
  },
  {
    code: 'WATCH',
    name: '钟表眼镜部',
    products: ['机械表', '石英表', '近视眼镜', '太阳镜'],
    problems: ['走时不准', '表带断了', '镜片度数配错了', '镜架变形'],
  },
  {
    code: 'HOME',
    name: '家居用品部',
    products: ['不粘锅', '保温杯', '床上四件套', '乳胶枕', '餐具套装'],
    problems: ['涂层脱落', '保温效果很差', '洗后严重起球', '有裂纹', '与样品颜色差别很大'],
  },
  {
    code: 'SPORT',
    name: '运动户外部',
    products: ['跑步机', '登山包', '羽毛球拍', '自行车', '瑜伽垫'],
    problems: ['安装后无法使用', '背带断裂', '拍线断了', '刹车失灵', '有很大的橡胶味'],
  },
  {
    code: 'BAGS',
    name: '箱包皮具部',
    products: ['拉杆箱', '真皮钱包', '女士手提包', '公文包'],
    problems: ['拉杆卡住', '皮面开裂', '五金件生锈', '轮子掉了'],
  },
  {
    code: 'BABY',
    name: '母婴用品部',
    products: ['奶粉', '纸尿裤', '婴儿推车', '奶瓶'],
    problems: ['孩子喝后呕吐', '批号与包装不一致', '车轮松动', '奶嘴漏奶'],
  },
  {
    code: 'BOOK',
    name: '文具图书部',
    products: ['儿童绘本', '钢笔', '书包', '学习机'],
    problems: ['缺页', '漏墨', '少了配件', '无法联网'],
  },
  {
    code: 'CATER',
    name: '餐饮美食广场',
    products: ['套餐', '奶茶', '麻辣烫', '生日蛋糕'],
    problems: ['吃出头发', '等了四十分钟还没上菜', '份量明显不足', '蛋糕上的字写错了'],
  },
  {
    code: 'GOLD',
    name: '黄金首饰部',
    products: ['金手镯', '金条', '转运珠'],
    problems: ['回收价格与承诺不符', '有明显划痕', '发票开错了'],
  },
  {
    code: 'PROP',
    name: '物业停车场',
    products: ['停车服务', '会员停车券'],
    problems: ['停车费多收了', '车辆被刮蹭', '停车券无法使用', '出口排队太久'],
  },
  {
    code: 'CS',
    name: '客服中心',
    products: ['会员卡', '购物卡', '送货服务', '安装服务'],
    problems: ['积分没有到账', '购物卡余额不对', '送货迟到了一天', '安装师傅乱收费', '开发票要等三天'],
  },
];

const SERVICE_PROBLEMS = [
  '营业员态度恶劣,还和顾客吵了起来',
  '收银员多收了钱,找零不对',
  '促销价格与结算价不一致',
  '会员积分没有到账',
  '电梯故障很久无人处理',
  '卫生间没有纸巾也没人打扫',
  '售后维修拖延了两周还没有结果',
  '导购一直推销不理会顾客的问题',
  '退货时被要求必须有原包装',
  '保安态度粗暴',
  '广播声音太大',
  '商场空调太冷',
];

const WHEN = [
  '今天上午',
  '昨天下午',
  '前天',
  '上周六',
  '上个月',
  '三天前',
  '上周日晚上',
  '国庆期间',
  '双十一活动时',
  '春节前',
];
const EXTRAS = [
  '',
  '',
  '',
  '顾客情绪比较激动,',
  '已经来过两次了都没有解决,',
  '顾客称有购物小票,',
  '营业员说特价商品不退不换,',
  '顾客表示是送给老人的礼物,',
  '顾客说在网上看到同款便宜很多,',
  '顾客要求店长出面处理,',
  '顾客说如果不处理就投诉到12315,',
  '顾客已经拍了照片作为证据,',
];
const DEMANDS = [
  '要求退货退款',
  '要求换货',
  '要求赔偿损失',
  '要求营业员道歉',
  '要求给个说法',
  '要求按承诺价格退差价',
  '希望尽快处理',
  '要求免费维修',
  '要求三倍赔偿',
  '要求商场书面答复',
];

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强海燕玉兰红梅文博子涵雨欣浩然梓轩一诺欣怡思远俊杰佳怡晨曦宇航';
// Characters that are in real given names but rare in any text; search_short queries them.
const RARE_GIVEN = '犇淼焱垚燚喆琰玥昊彧翀堃赟骉';

const SURNAME_CHARS = Array.from(SURNAMES);
const GIVEN_CHARS = Array.from(GIVEN);
const RARE_CHARS = Array.from(RARE_GIVEN);

export function personName(rng: Rng): string {
  const pool = rng.chance(0.004) ? RARE_CHARS : GIVEN_CHARS;
  const first = rng.pick(pool);
  return rng.pick(SURNAME_CHARS) + first + (rng.chance(0.7) ? rng.pick(pool) : '');
}

const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '176',
  '177',
  '180',
  '181',
  '186',
  '187',
  '188',
  '189',
  '199',
];

/** A normalised mainland mobile number (11 digits). */
export function mobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

/** How a clerk might type a phone number into the form (spaces, dashes, +86). */
export function typedPhone(rng: Rng, normalized: string): string {
  const r = rng.next();
  if (r < 0.6) return normalized;
  if (r < 0.8) return `${normalized.slice(0, 3)} ${normalized.slice(3, 7)} ${normalized.slice(7)}`;
  if (r < 0.9) return `${normalized.slice(0, 3)}-${normalized.slice(3, 7)}-${normalized.slice(7)}`;
  return `+86 ${normalized}`;
}

/** The complaint text as the clerk writes it down: 20–200 characters, mostly 50–120. */
export function complaintContent(rng: Rng, unit: UnitSpec, product: string): string {
  const when = rng.pick(WHEN);
  const extra = rng.pick(EXTRAS);
  const demand = rng.pick(DEMANDS);
  if (rng.chance(0.25)) {
    const service = rng.pick(SERVICE_PROBLEMS);
    return `顾客反映${when}在${unit.name}${service},${extra}${demand}。`;
  }
  const yuan = rng.int(9, 3999);
  const problem = rng.pick(unit.problems);
  const base = `顾客${when}在${unit.name}购买的${product}(价格${yuan}元)${problem},${extra}${demand}。`;
  if (!rng.chance(0.3)) return base;
  const follow = rng.pick([
    `顾客第一次来时营业员答应${rng.int(2, 7)}天内答复,但一直没有人联系。`,
    '顾客提供了购物小票和商品照片。',
    `据顾客说同批次的${product}别人也出现过同样的问题。`,
    '顾客家住得比较远,希望能上门取货。',
    '顾客不接受只换不退的处理方式。',
  ]);
  return base + follow;
}

export function expectedResolution(rng: Rng): string | undefined {
  return rng.chance(0.6) ? rng.pick(DEMANDS) : undefined;
}
