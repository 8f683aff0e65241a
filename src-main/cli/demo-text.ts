// The words of the demo: the branch's units with what they sell, and fragments that are
// combined into objection texts, expected resolutions and handling results. Combining
// fragments gives thousands of distinct, plausible texts for search and list screens.
import type { ResolutionType } from '../shared/enums';
import type { Rng } from './prng';

export interface DemoUnit {
  code: string;
  name: string;
  /** Goods of this unit with a price range in fen. */
  goods: readonly (readonly [string, number, number])[];
  defects: readonly string[];
}

export const DEMO_UNITS: readonly DemoUnit[] = [
  {
    code: 'SHOES',
    name: '鞋部',
    goods: [
      ['男士皮鞋', 29900, 89900],
      ['女士高跟鞋', 25900, 69900],
      ['儿童运动鞋', 15900, 39900],
      ['雪地靴', 35900, 99900],
    ],
    defects: ['穿了两天就开胶了', '鞋底断裂', '鞋面掉色把袜子染了', '左右脚尺码不一致'],
  },
  {
    code: 'FOOD',
    name: '食品部',
    goods: [
      ['盒装牛奶', 5990, 8990],
      ['进口饼干', 2590, 6990],
      ['散装坚果', 3990, 12800],
      ['速冻水饺', 2290, 4590],
      ['酸奶', 1290, 2990],
    ],
    defects: ['已经过了保质期', '打开后发现有异物', '包装破损漏气', '吃后家里老人拉肚子'],
  },
  {
    code: 'APPL',
    name: '家电部',
    goods: [
      ['电饭煲', 39900, 129900],
      ['空气炸锅', 29900, 69900],
      ['微波炉', 49900, 99900],
      ['吹风机', 19900, 149900],
      ['扫地机器人', 159900, 399900],
    ],
    defects: ['用了一周就无法开机', '插电后有焦糊味', '运行时噪音很大', '显示屏不亮'],
  },
  {
    code: 'CLOTH',
    name: '服装部',
    goods: [
      ['羊毛大衣', 99900, 299900],
      ['羽绒服', 69900, 199900],
      ['衬衫', 19900, 49900],
      ['牛仔裤', 29900, 69900],
    ],
    defects: ['洗一次就严重缩水', '拉链坏了', '有明显色差', '缝线开裂'],
  },
  {
    code: 'COSM',
    name: '化妆品部',
    goods: [
      ['面霜', 29900, 159900],
      ['口红', 19900, 39900],
      ['防晒霜', 12900, 35900],
      ['香水', 59900, 129900],
    ],
    defects: ['使用后皮肤过敏红肿', '生产日期模糊不清', '怀疑不是正品', '包装有被拆封过的痕迹'],
  },
  {
    code: 'FRESH',
    name: '生鲜部',
    goods: [
      ['三文鱼', 8990, 25900],
      ['草莓', 3990, 8990],
      ['猪肉', 2590, 7990],
      ['活虾', 6990, 15900],
    ],
    defects: ['买回家发现已经变质', '回家称重短斤少两', '有明显异味', '不新鲜,颜色发暗'],
  },
  { code: 'CASH', name: '收银台', goods: [], defects: [] },
  { code: 'DESK', name: '服务台', goods: [], defects: [] },
];

const WHEN = ['昨天', '前天', '上周六', '三天前', '本周一', '上周', '今天上午', '周末'];
const QUALITY_DEMANDS = [
  '要求退货退款',
  '要求换一件新的',
  '要求退一赔三',
  '要求免费维修',
  '要求赔偿损失',
  '希望商场给个说法',
  '要求退货并报销来回车费',
];
const ATTITUDES = [
  '态度冷淡,问了三遍才回答',
  '与顾客发生争执',
  '推诿不肯办理退换',
  '说话很不耐烦',
  '当着其他顾客的面指责顾客',
  '一直在玩手机不理人',
];
const ATTITUDE_DEMANDS = ['要求当事营业员道歉', '希望商场加强员工培训', '要求店长出面处理', '希望给个说法'];
const FACILITIES = [
  '地下停车场指示不清,绕了半小时找不到出口',
  '二楼卫生间没有纸巾且地面湿滑',
  '自动扶梯突然停止,老人险些摔倒',
  '存包柜打不开,物品取不出来',
  '商场空调温度太低',
  '购物车很多轮子坏了',
  '母婴室门锁损坏',
];
const STAFF_SERVICE = [
  '安装师傅上门迟到三个小时',
  '导购夸大商品功效',
  '安装师傅额外收取材料费',
  '导购强行推销会员卡',
  '维修人员检测后说不清故障原因',
  '送货人员把商品放在楼下就走了',
];
const PRICE = [
  '货架标价与结账价格不一致',
  '促销活动的折扣没有生效',
  '同一商品有两个标价',
  '会员价没有享受到',
  '买一送一的赠品没有给',
  '收银员多扫了一件商品',
];
const OTHER = [
  '商场广播声音太大',
  '促销赠品已经送完却没有告知',
  '发票开具错误,抬头写错',
  '停车费收费标准不明确',
  '积分兑换的礼品迟迟没有到货',
  '会员卡余额对不上',
];
const EXTRA = [
  '',
  '',
  '',
  '顾客情绪比较激动。',
  '已经是第二次反映此问题。',
  '顾客表示如处理不满意将向12315投诉。',
  '顾客带着小孩,等了很久。',
  '顾客保留了小票和照片。',
];

const CHANNEL_LEAD: Record<string, readonly string[]> = {
  phone: ['顾客来电称', '顾客来电反映'],
  in_store: ['顾客到服务台反映', '顾客在柜台现场投诉'],
  government: ['转来投诉:顾客称'],
  letter: ['顾客来信反映'],
  online: ['顾客在官网留言:', '顾客在公众号留言称'],
  email: ['顾客来邮件称'],
  other: ['顾客通过总机转接反映', '顾客托朋友转告'],
};

export interface DemoText {
  content: string;
  expected?: string;
  /** The goods named in the text, for the purchase fields. */
  item?: { name: string; priceFen: number };
}

/** The objection text for a category, in the customer's words as the clerk wrote them down. */
export function objectionText(
  rng: Rng,
  category: string,
  channel: string,
  unit: DemoUnit,
  bodyName?: string,
): DemoText {
  const lead = (bodyName ?? '') + rng.pick(CHANNEL_LEAD[channel] ?? ['顾客反映']);
  const when = rng.pick(WHEN);
  const extra = rng.pick(EXTRA);
  const goods = unit.goods.length > 0 ? rng.pick(unit.goods) : null;
  const item = goods ? { name: goods[0], priceFen: Math.round(rng.int(goods[1], goods[2]) / 100) * 100 } : undefined;
  switch (category) {
    case 'product_quality': {
      const demand = rng.pick(QUALITY_DEMANDS);
      return {
        content: `${lead}${when}在${unit.name}购买的${item?.name ?? '商品'}${rng.pick(unit.defects)},${demand}。${extra}`,
        expected: demand.replace(/^要求|^希望/, ''),
        item,
      };
    }
    case 'service_attitude': {
      const demand = rng.pick(ATTITUDE_DEMANDS);
      return {
        content: `${lead}${when}在${unit.name}咨询时,营业员${rng.pick(ATTITUDES)},${demand}。${extra}`,
        expected: demand.replace(/^要求|^希望/, ''),
      };
    }
    case 'service_facilities':
      return {
        content: `${lead}${when}来店购物时${rng.pick(FACILITIES)},希望尽快改进。${extra}`,
        expected: rng.chance(0.5) ? '尽快整改' : undefined,
      };
    case 'staff_service':
      return {
        content: `${lead}${when}在${unit.name}购买${item?.name ?? '商品'}后,${rng.pick(STAFF_SERVICE)},要求给个说法。${extra}`,
        expected: '道歉并赔偿',
        item,
      };
    case 'price':
      return {
        content: `${lead}${when}在${unit.name}购买${item?.name ?? '商品'}时${rng.pick(PRICE)},要求退还差价。${extra}`,
        expected: '退还差价',
        item,
      };
    default:
      return { content: `${lead}${rng.pick(OTHER)}。${extra}`, expected: rng.chance(0.5) ? '给个说法' : undefined };
  }
}

/** The handling result that fits the category; money where money changes hands. */
export function resolutionFor(
  rng: Rng,
  category: string,
  item: DemoText['item'],
  unfounded: boolean,
): { type: ResolutionType; summary: string; amountFen?: number } {
  const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;
  if (unfounded)
    return {
      type: 'explanation',
      summary: rng.pick([
        '经调取监控核实,商品售出时完好,已向顾客耐心解释',
        '经核查小票及销售记录,与顾客所述不符,已向顾客说明',
        '商品已超出退换期且无质量问题,已向顾客解释政策',
      ]),
    };
  switch (category) {
    case 'product_quality': {
      const price = item?.priceFen ?? 10000;
      return rng.weighted<{ type: ResolutionType; summary: string; amountFen?: number }>([
        [
          {
            type: 'refund',
            summary: `经核实确属质量问题,为顾客办理${item?.name ?? '商品'}退货,退款${yuan(price)}`,
            amountFen: price,
          },
          5,
        ],
        [{ type: 'exchange', summary: `为顾客更换同款${item?.name ?? '商品'}一件`, amountFen: price }, 3],
        [{ type: 'repair', summary: '联系厂家免费维修,维修期间提供备用品' }, 1],
        [{ type: 'compensation', summary: `退货并补偿顾客${yuan(5000)}购物券`, amountFen: 5000 }, 1],
      ]);
    }
    case 'service_attitude':
      return rng.pick([
        { type: 'apology' as const, summary: '柜组长带当事营业员向顾客当面道歉,柜组内部通报批评' },
        { type: 'gift' as const, summary: '向顾客致歉并赠送小礼品一份,当事人扣当月服务分' },
      ]);
    case 'service_facilities':
      return {
        type: 'explanation',
        summary: rng.pick(['已通知物业当日维修,向顾客致谢', '已增加指示牌,向顾客解释并致歉', '已安排保洁加强巡查频次']),
      };
    case 'staff_service':
      return {
        type: 'compensation',
        summary: '向顾客道歉,退还额外收取的费用并补偿',
        amountFen: rng.int(20, 200) * 100,
      };
    case 'price': {
      const diff = rng.int(5, 80) * 100;
      return { type: 'refund', summary: `核对价签属实,退还差价${yuan(diff)},已更正价签`, amountFen: diff };
    }
    default:
      return rng.pick([
        { type: 'explanation' as const, summary: '向顾客说明相关规定,顾客表示理解' },
        { type: 'referral' as const, summary: '已转交财务部/会员中心核实处理' },
        { type: 'other' as const, summary: '已登记顾客意见,反馈相关部门改进' },
      ]);
  }
}

export const FEEDBACK_NOTES = [
  '已电话告知处理结果,顾客表示满意',
  '顾客到店领取退款,表示认可',
  '已回电说明,顾客接受处理方案',
  '短信及电话告知,顾客无异议',
];
export const DISPUTE_NOTES = ['顾客对处理结果不认可,要求更高赔偿', '顾客认为解释不合理,坚持退货', '顾客要求见值班主管'];
export const INSTRUCTIONS = [
  '同意处理意见,建档。',
  '同意。请柜组加强商品验收,避免同类问题。',
  '处理及时,列入本月服务通报。',
  '同意建档,请关注顾客后续意见。',
];
export const REVIEWERS = ['部本部 周经理', '部本部 吴主任', '部本部 郑处长'];
