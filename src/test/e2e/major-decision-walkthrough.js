// A major decision (重大行政决策) carried from the catalogue to the archive through Tasklist by the demo
// people, each on their own task list, with the Chinese forms. Needs a running Fazhi in demo mode
// (./mvnw spring-boot:run), Debian's chromium and `npm install` here. Run: node major-decision-walkthrough.js
const t = require('./tasklist');
const { BASE, SHOTS } = t;
const mdy = (iso) => { const [y, m, d] = iso.split('-'); return `${m}/${d}/${y}`; };

async function api(user, path, method = 'GET', body) {
  const response = await fetch(BASE + path, {
    method,
    headers: { Authorization: 'Basic ' + Buffer.from(user + ':demo').toString('base64'), 'Content-Type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

(async () => {
  await t.launch();
  const today = new Date().toISOString().slice(0, 10);
  // the secretariat puts a matter of the housing bureau in this year's catalogue
  const entry = await api('chenjing', '/api/decision-catalog', 'POST', {
    year: Number(today.slice(0, 4)), title: `示范市背街小巷整治行动方案（演示 ${Date.now()}）`, category: 'PUBLIC_POLICY',
    leadOffice: 'dept-hcd', hearingRequired: false, expertReviewRequired: false, riskAssessmentRequired: false, plannedTiming: '年内',
  });
  // 刘洋 (市住房和城乡建设局) proposes it from Tasklist's start form
  const page = await t.login('liuyang');
  await t.startProcess(page, '重大行政决策', [
    ['启动依据', { radio: '列入本级政府年度重大行政决策事项目录的事项' }], ['目录事项编号', entry.id],
    ['建议提出主体', { select: '政府工作部门提出' }], ['决策建议', '拟解决背街小巷环境脏乱问题……'],
    ['联系人', '刘洋'], ['联系电话', '0571-88001234']]);
  await page.context().close();
  const linked = await api('chenjing', `/api/decision-catalog/${entry.id}`);
  const [instance] = linked.runningBusinessKey
    ? await api('demo', `/engine-rest/process-instance?processDefinitionKey=major-decision&businessKey=${linked.runningBusinessKey}`) : [];
  if (!instance) throw new Error('the decision did not start');
  console.log('案号', instance.businessKey);
  if (await t.sees('wangfang', '决策启动')) throw new Error('教育局 must not see the housing bureau\'s case');

  await t.work('zhaolei', '决策启动', [['是否启动', { radio: '启动决策程序' }], ['决策承办单位', { select: '示范市住房和城乡建设局' }], ['决定意见', '同意启动']]);
  await t.work('liuyang', '拟订决策草案', [['决策草案', '第一条 ……'], ['起草说明', '起草背景……'], ['调查研究情况', '调研……'], ['制定依据', '《城市市容和环境卫生管理条例》']]);
  await t.work('liuyang', '公开征求意见', [['公布途径', { check: ['政府网站'] }], ['公告发布日期', { date: mdy(today) }], ['提出意见的方式和途径', '电子邮件']]);
  // the 30-day window: in the demo the administrator runs its timer job at once
  const [timer] = await api('demo', `/engine-rest/job?processInstanceId=${instance.id}&activityId=timer_commentPeriodEnds`);
  await api('demo', `/engine-rest/job/${timer.id}/execute`, 'POST', {});
  await t.work('liuyang', '公众意见研究采纳', [['收到意见数量（条）', 3], ['意见汇总', '共3条'], ['采纳情况及不采纳的理由', '全部采纳']]);
  await t.work('sunli', '材料接收与初审', [['材料审核结论', { radio: '材料齐全，予以受理' }]]);
  await t.work('wujun', '指定承办人', [['承办人', { select: '周强' }]]);
  await t.work('zhouqiang', '审查并提出审查意见', [['下一步', { radio: '出具审查意见，报送签发' }], ['审查结论', { radio: '合法' }], ['审查意见及理由', '未超越法定职权，已履行法定程序'], ['法律依据', '《重大行政决策程序暂行条例》第二十七条']]);
  await t.work('wujun', '签发审查意见', [['签发决定', { radio: '同意签发' }]]);
  await t.work('liuyang', '提请集体讨论', [['提请审议说明', '提请市政府常务会议审议']]);
  await t.work('chenjing', '列入会议议程', [['会议类型', { radio: '政府常务会议' }], ['会议名称及届次', '市政府第30次常务会议'], ['会议日期', { date: mdy(today) }]]);
  await t.work('chenjing', '集体讨论决定', [['出席人员', '市长、副市长……'], ['会议组成人员发表的意见', '均同意'], ['会议组成人员多数意见', { radio: '同意' }], ['行政首长的决定', { radio: '通过' }], ['会议纪要', '会议同意']], `${SHOTS}/major-decision-meeting.png`);
  await t.work('chenjing', '向同级党委请示报告', [['请示报告日期', { date: mdy(today) }], ['党委答复', { radio: '同意' }], ['党委意见', '同意']]);
  await t.work('chenjing', '决策公布', [['公布途径', { check: ['政府公报', '政府网站'] }], ['公布日期', { date: mdy(today) }], ['文号', '示政发〔2026〕30号']]);
  if (!(await t.sees('zhaolei', '决策执行调整'))) throw new Error('the decision organ should be able to stop execution');
  await t.work('liuyang', '报告执行情况', [['报告期间', '第一年'], ['执行进展情况', '全部完成'], ['执行状态', { radio: '执行完毕' }]]);
  await t.work('liuyang', '归档', [['档案号', 'WS-DEMO-001'], ['归档材料目录', '全部材料'], ['决策过程记录和材料已完整归档', true]]);

  const history = await api('hanxue', `/engine-rest/history/process-instance/${instance.id}`);
  const steps = await api('hanxue', `/engine-rest/history/activity-instance?processInstanceId=${instance.id}&activityType=userTask&sortBy=startTime&sortOrder=asc`);
  console.log(history.state, steps.map((s) => `${s.activityName}(${s.assignee || '—'})`).join(' → '));
  if (history.state !== 'COMPLETED') throw new Error('not completed');
  await t.close();
})().catch((e) => { console.error('FAILED', e.message); process.exit(1); });
