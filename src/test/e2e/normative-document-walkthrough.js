// A normative document (行政规范性文件) carried through Tasklist by the demo people, each on their own task
// list, with the Chinese forms: 张伟 (自然资源和规划局) drafts, the justice bureau reviews, 陈静 (市政府办公室)
// schedules, records, registers, numbers and publishes it, 钱宇 (省司法厅) and 林海 (市人大常委会法工委) receive
// the filings; the public register shows it without login. Needs a running Fazhi in demo mode
// (./mvnw spring-boot:run), Debian's chromium and `npm install` here. Run: node normative-document-walkthrough.js
const t = require('./tasklist');
const { BASE, SHOTS } = t;
const mdy = (iso) => { const [y, m, d] = iso.split('-'); return `${m}/${d}/${y}`; };
const day = (offset) => new Date(Date.now() + 8 * 3600000 + offset * 86400000).toISOString().slice(0, 10);

async function api(user, path, method = 'GET', body) {
  const headers = { 'Content-Type': 'application/json' };
  if (user) headers.Authorization = 'Basic ' + Buffer.from(user + ':demo').toString('base64');
  const response = await fetch(BASE + path, { method, headers, body: body && JSON.stringify(body) });
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

(async () => {
  await t.launch();
  const today = day(0);
  const title = `示范市城市地下管线管理办法（演示 ${Date.now() % 100000}）`;
  // 张伟 starts drafting a document to be issued in the city government's name
  const page = await t.login('zhangwei');
  await t.startProcess(page, '行政规范性文件', [
    ['文件名称', title], ['发布名义', { radio: '以市人民政府或者市人民政府办公室名义发布' }],
    ['起草目的和必要性', '规范地下管线规划建设和管理，依据《城乡规划法》……'], ['联系人', '张伟'], ['联系电话', '0571-88886666']]);
  await page.context().close();
  const [draft] = await api('zhangwei', '/engine-rest/task?processDefinitionKey=normative-document&taskDefinitionKey=userTask_draft&sortBy=created&sortOrder=desc');
  const instanceId = draft.processInstanceId;
  const [instance] = await api('zhangwei', `/engine-rest/process-instance?processInstanceIds=${instanceId}`);
  console.log('案号', instance.businessKey);
  if (await t.sees('wangfang', '起草与评估论证')) throw new Error('教育局 must not see the natural resources bureau\'s draft');

  await t.work('zhangwei', '起草与评估论证', [['评估结论', { radio: '有必要制发，形成送审稿' }], ['文件草案（送审稿）', '第一条 为了……，制定本办法。'],
    ['起草说明', '起草背景和主要内容……'], ['制定依据', '《中华人民共和国城乡规划法》'], ['评估论证情况', '必要性、可行性、合法性……']]);
  await t.work('zhangwei', '公开征求意见', [['公布途径', { check: ['政府网站'] }], ['公告发布日期', { date: mdy(today) }], ['提出意见的方式和途径', '电子邮件']]);
  // the 30-day window: in the demo the administrator runs its timer job at once
  const [timer] = await api('demo', `/engine-rest/job?processInstanceId=${instanceId}&activityId=timer_commentPeriodEnds`);
  await api('demo', `/engine-rest/job/${timer.id}/execute`, 'POST', {});
  await t.work('zhangwei', '意见汇总与采纳反馈', [['收到意见（条）', 3], ['意见汇总', '共3条'], ['采纳情况及不予采纳的理由', '全部采纳'],
    ['已向社会反馈意见采纳情况', true], ['修改后的送审稿', '第一条（修改稿）……']]);
  await t.work('sunli', '材料接收与初审', [['材料审核结论', { radio: '材料齐全，予以受理' }]]);
  await t.work('wujun', '指定承办人', [['承办人', { select: '周强' }]]);
  await t.work('zhouqiang', '审查并提出审查意见', [['下一步', { radio: '出具审查意见，报送签发' }], ['审查结论', { radio: '合法' }],
    ['审查意见及理由', '制定主体适格，未超越权限，程序合法'], ['法律依据', '国办发〔2018〕115号']]);
  await t.work('wujun', '签发审查意见', [['签发决定', { radio: '同意签发' }]]);
  await t.work('zhangwei', '提请集体审议', [['提请审议说明', '提请市政府常务会议审议']]);
  await t.work('chenjing', '列入会议议程', [['会议类型', { select: '政府常务会议' }], ['会议名称', '市政府第31次常务会议'], ['会议日期', { date: mdy(today) }]]);
  await t.work('chenjing', '集体审议决定', [['出席人员', '市长、副市长……'], ['审议意见', '同意'], ['审议决定', { radio: '通过' }], ['会议纪要', '会议同意']]);
  await t.work('chenjing', '统一登记', [['签发人', '赵磊'], ['签发日期', { date: mdy(today) }], ['正式文本', '第一条 为了……（正式文本）']]);
  await t.work('chenjing', '统一发布', [['发布途径', { check: ['政府公报', '政府网站'] }], ['公布日期', { date: mdy(today) }],
    ['施行日期', { date: mdy(day(30)) }]], `${SHOTS}/normative-document-publication.png`);

  // the public register shows it, without login
  const [published] = await api(null, `/api/public/normative-documents?q=${encodeURIComponent(title)}`);
  if (!published || published.statusName !== '有效') throw new Error('not in the public register');
  console.log('公布', published.documentNumber, published.registrationNumber, '有效期至', published.validUntil);
  const html = await (await fetch(`${BASE}/public/normative-documents?q=${encodeURIComponent(title)}`)).text();
  if (!html.includes(published.documentNumber)) throw new Error('not on the public page');

  await t.work('chenjing', '报送政府备案', [['报送日期', { date: mdy(today) }], ['报送材料', { check: ['备案报告', '正式文本', '起草说明', '制定依据'] }]]);
  await t.work('qianyu', '备案登记（政府）', [['登记结果', { radio: '材料齐全，予以登记' }], ['备案登记号（回执）', '示司备〔2026〕88号'], ['登记日期', { date: mdy(today) }]]);
  await t.work('qianyu', '备案审查意见（政府）', [['审查结论', { radio: '未发现问题，审查完毕' }], ['审查意见', '经审查，未发现问题。']]);
  await t.work('chenjing', '报送人大常委会备案', [['报送日期', { date: mdy(today) }], ['报送材料', { check: ['备案报告', '正式文本', '起草说明', '制定依据'] }]]);
  await t.work('linhai', '备案登记（人大常委会）', [['登记结果', { radio: '材料齐全，予以登记' }], ['备案登记号（回执）', '示人法备〔2026〕12号'], ['登记日期', { date: mdy(today) }]]);
  await t.work('linhai', '备案审查意见（人大常委会）', [['审查结论', { radio: '未发现问题，审查完毕' }], ['审查意见', '经审查，未发现问题。']]);

  const steps = await api('hanxue', `/engine-rest/history/activity-instance?processInstanceId=${instanceId}&activityType=userTask&sortBy=startTime&sortOrder=asc`);
  console.log(steps.map((s) => `${s.activityName}(${s.assignee || '—'})`).join(' → '));
  const [evaluation] = await api('demo', `/engine-rest/job?processInstanceId=${instanceId}&activityId=timer_evaluationStarts`);
  if (!evaluation) throw new Error('the case should wait for the evaluation before the term ends');
  console.log('有效期届满前评估自', evaluation.dueDate);
  await t.close();
})().catch((e) => { console.error('FAILED', e.message); process.exit(1); });
