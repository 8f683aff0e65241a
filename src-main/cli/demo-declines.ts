// The demo's 不予受理 cases: what such a customer says, and the secretary's decision on it (a reason
// from the branch's default list, the reason in words, the competent body the customer is told of).
import type { CaseIntakeInput } from '../shared/schemas/case';
import type { Rng } from './prng';

export interface DeclineStory {
  content: string;
  expected: string;
  /** A code of DEFAULT_DECLINE_REASONS. */
  reason: string;
  text: string;
  referTo: string;
}

/** An anonymous letter or message without any contact: nothing can be checked or answered. */
const ANONYMOUS: DeclineStory = {
  content: '匿名来信:你们店有个收银员态度很差,找零时把钱扔在台面上。(信中未写日期、收银台号,也未留姓名和联系方式)',
  expected: '要求处理该收银员',
  reason: 'anonymous_no_contact',
  text: '来信匿名且未留任何联系方式,也未写明日期和收银台,无法核实情况,也无法答复来信人。',
  referTo: '本店服务台或店长信箱(留下联系方式后可重新反映)',
};

const NAMED: readonly DeclineStory[] = [
  {
    content: '在商场三楼“明视眼镜”配的眼镜度数不对,戴了头晕,店家不肯重配,要求你们超市负责。',
    expected: '重新配镜或退款',
    reason: 'not_this_branch',
    text: '明视眼镜为商场内独立经营的租户,自行经营、自行开票,所售商品和服务不属于本店经营范围。',
    referTo: '商场客户服务中心(一楼东门,电话 021-6234 5678)',
  },
  {
    content: '门口马路上共享单车乱停乱放,推婴儿车过不去,要求你们店派人清理。',
    expected: '清理门口的共享单车',
    reason: 'not_consumer_dispute',
    text: '共享单车停放属市容和道路管理事项,不涉及您在本店购买的商品或接受的服务。',
    referTo: '所在街道城市管理执法中队(12345 市民服务热线)',
  },
  {
    content: '去年在贵店买的冰箱压缩机坏了,我已经向区人民法院起诉厂家和贵店,现在再来要求贵店先行赔偿。',
    expected: '先行赔偿维修损失 3000 元',
    reason: 'handled_elsewhere',
    text: '同一纠纷已由闵行区人民法院立案受理,本店不再另行处理,将按法院要求提供购销凭证并配合审理。',
    referTo: '闵行区人民法院(按立案通知书所载的承办人联系方式)',
  },
  {
    content: '来电称“你们服务太差了,一定要给个说法”,问及哪天、哪个柜台、什么商品、希望怎样处理,均不愿说明。',
    expected: '给个说法',
    reason: 'no_facts_or_claim',
    text: '来电未说明投诉的商品或服务、事情经过和具体要求,本店无法调查处理;补充说明后可重新投诉。',
    referTo: '本店服务台(电话 021-6234 0000),补充情况后可重新提出',
  },
  {
    content: '上个月在贵店退过的羽绒服,当时已经办好退款,现在要求再赔偿来回路费和误工费。',
    expected: '赔偿路费和误工费 500 元',
    reason: 'repeat_already_answered',
    text: '该羽绒服退货一事已于上月处理完毕并书面答复,您当时签字确认满意,本次未提出新的事实和理由。',
    referTo: '消费者协会(12315 热线)',
  },
];

/** The story of a declined case: an anonymous complaint is declined as such, a named one for one of the other reasons. */
export function declineStory(rng: Rng, anonymous: boolean): DeclineStory {
  return anonymous ? ANONYMOUS : rng.pick(NAMED);
}

/** The intake of a case that will be declined: the customer's words of the story instead of a product complaint. */
export function declinedIntake(input: CaseIntakeInput, story: DeclineStory): CaseIntakeInput {
  const { purchase: _purchase, expectedResolution: _expected, ...rest } = input;
  return {
    ...rest,
    severity: 'general',
    categoryCode: 'other',
    content: story.content,
    expectedResolution: story.expected,
  };
}
