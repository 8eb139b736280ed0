// A reconsideration case (行政复议) run by the reconsideration office's demo people through Tasklist, in
// Chinese: 罗平 registers and handles, 唐杰 (head) sets the procedure, 张伟 answers for the respondent,
// 赵磊 approves the decision for the government. Needs a running Fazhi in demo mode, Debian's chromium and
// `npm install` here. Run: node reconsideration-walkthrough.js
const t = require('./tasklist');
const { BASE } = t;
const mdy = (iso) => { const [y, m, d] = iso.split('-'); return `${m}/${d}/${y}`; };

async function api(user, path) {
  const response = await fetch(BASE + path, { headers: { Authorization: 'Basic ' + Buffer.from(user + ':demo').toString('base64') } });
  if (response.status >= 300) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

(async () => {
  await t.launch();
  const today = new Date().toISOString().slice(0, 10);
  const known = new Date(Date.now() - 10 * 86400000).toISOString().slice(0, 10);
  const page = await t.login('luoping');
  await t.startProcess(page, '行政复议', [
    ['申请方式', { radio: '书面申请（邮寄、当面递交）' }], ['申请人类型', { radio: '公民' }],
    ['申请人姓名或名称', `陈某${Date.now() % 1000}`], ['身份证件号码或统一社会信用代码', '330100198001011234'], ['联系电话', '13800000000'],
    ['被申请人', { select: '示范市自然资源和规划局' }], ['被申请复议的行政行为', '示自然资罚〔2026〕3号行政处罚决定'],
    ['行政行为作出日期', { date: mdy(known) }], ['知道或者应当知道该行政行为之日', { date: mdy(known) }],
    ['行政复议请求', '撤销该行政处罚决定'], ['事实和理由', '事实不清、证据不足']]);
  await page.context().close();
  const [task] = await api('luoping', '/engine-rest/task?processDefinitionKey=reconsideration&taskDefinitionKey=userTask_acceptanceReview&sortBy=created&sortOrder=desc');
  const instanceId = task.processInstanceId;
  const [instance] = await api('luoping', `/engine-rest/process-instance?processInstanceIds=${instanceId}`);
  console.log('案号', instance.businessKey);
  if (await t.sees('wangfang', '受理审查')) throw new Error('教育局 must not see the case');

  await t.work('luoping', '受理审查', [['审查结论', { radio: '予以受理' }]]);
  await t.work('tangjie', '确定审理程序和承办人', [['审理程序', { radio: '普通程序' }], ['承办人', { select: '罗平' }], ['协办人', { select: '唐杰' }]]);
  await t.work('luoping', '发送申请书副本', [['发送日期', { date: mdy(today) }], ['发送方式', { radio: '直接送达' }]]);
  await t.work('zhangwei', '被申请人答复', [['书面答复', '原行政行为事实清楚、证据确凿'], ['作出行政行为的证据、依据和其他有关材料清单', '现场检查笔录'], ['法律依据', '《土地管理法》第七十七条']]);
  await t.work('luoping', '审理', [['下一步办理事项', { select: '听取当事人意见' }]]);
  await t.work('luoping', '听取意见', [['听取意见日期', { date: mdy(today) }], ['听取意见方式', { radio: '电话' }], ['意见记录', '申请人坚持请求；被申请人坚持答复意见']]);
  await t.work('luoping', '审理', [['下一步办理事项', { select: '提出行政复议决定意见' }], ['行政复议决定类型', { select: '维持' }], ['决定理由和依据', '原行政行为认定事实清楚，适用依据正确']]);
  await t.work('zhaolei', '审批行政复议决定', [['审批方式', { radio: '机关负责人同意' }], ['审批结果', { radio: '同意' }], ['审批意见', '同意']]);
  await t.work('luoping', '送达和公开', [['行政复议决定书文号', '示府复决〔2026〕1号'], ['送达方式', { radio: '直接送达' }], ['送达日期', { date: mdy(today) }]]);
  await t.work('luoping', '履行监督', [['履行情况', { radio: '无需履行' }], ['履行情况说明', '维持决定']]);

  const history = await api('hanxue', `/engine-rest/history/process-instance/${instanceId}`);
  const steps = await api('hanxue', `/engine-rest/history/activity-instance?processInstanceId=${instanceId}&activityType=userTask&sortBy=startTime&sortOrder=asc`);
  console.log(history.state, steps.map((s) => `${s.activityName}(${s.assignee || '—'})`).join(' → '));
  if (history.state !== 'COMPLETED') throw new Error('not completed');
  await t.close();
})().catch((e) => { console.error('FAILED', e.message); process.exit(1); });
