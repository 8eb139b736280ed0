/*
 * 审计回溯 (auditor pages): read-only views over Fazhi's audit API. Every value from the
 * server is inserted as text (never as HTML), so case data cannot inject markup.
 * The diagram uses the bpmn-js viewer shipped with the application (no internet access).
 */
var Audit = (function () {
  'use strict';

  var RESULT = { PASS: '合规', FAIL: '不合规', NOT_APPLICABLE: '不适用' };
  var STATE = { ACTIVE: '办理中', RUNNING: '办理中', COMPLETED: '已办结', CANCELED: '已取消', EXTERNALLY_TERMINATED: '已终止',
    INTERNALLY_TERMINATED: '已终止', SUSPENDED: '已挂起' };
  var EXPORT_STYLE = 'body{font-family:"PingFang SC","Microsoft YaHei",sans-serif;color:#1f2933;margin:24px}'
    + 'table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid #d9e2ec;padding:4px 6px;'
    + 'text-align:left;vertical-align:top}th{background:#f0f4f8}.PASS{color:#17662b;font-weight:bold}'
    + '.FAIL{color:#b00020;font-weight:bold}.NOT_APPLICABLE,.muted{color:#627d98}.nested{margin-left:24px}'
    + 'section{margin-bottom:20px}pre{white-space:pre-wrap;word-break:break-all;margin:0}button{display:none}';

  function el(tag, attributes) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === 'text') {
        node.textContent = attributes.text;
      } else if (attributes[name] !== undefined && attributes[name] !== null) {
        node.setAttribute(name, attributes[name]);
      }
    });
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) {
        continue;
      }
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  function time(value) {
    return value ? value.replace('T', ' ').replace(/:\d\d(\.\d+)?\+08:00$/, '').replace(/\+\d\d:\d\d$/, '') : '';
  }

  function text(value) {
    if (value === null || value === undefined) {
      return '';
    }
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }

  function person(p) {
    return p ? p.name + (p.officeName ? '（' + p.officeName + '）' : '') : '';
  }

  function api(path, accept) {
    return fetch(path, { credentials: 'same-origin', headers: { Accept: accept ? accept + ', application/json' : 'application/json' } })
      .then(function (response) {
        if (response.ok) {
          return accept ? response.text() : response.json();
        }
        return response.json().catch(function () { return {}; }).then(function (error) {
          throw new Error(error.message || ('服务器返回 ' + response.status));
        });
      });
  }

  function table(headers, rows) {
    var head = el('tr');
    headers.forEach(function (header) { head.appendChild(el('th', { text: header })); });
    var body = el('tbody');
    rows.forEach(function (row) { body.appendChild(row); });
    return el('table', {}, el('thead', {}, head), body);
  }

  function row(cells) {
    var tr = el('tr');
    cells.forEach(function (cell) {
      tr.appendChild(cell instanceof Node ? el('td', {}, cell) : el('td', { text: text(cell) }));
    });
    return tr;
  }

  function result(value) {
    return el('span', { 'class': value, text: RESULT[value] || value });
  }

  /* ---------------------------------------------------------------- index */

  function index() {
    document.getElementById('year').value = new Date().getFullYear();
    document.getElementById('search').addEventListener('submit', function (event) {
      event.preventDefault();
      var key = document.getElementById('businessKey').value.trim();
      if (key) {
        location.href = 'case.html?key=' + encodeURIComponent(key);
      }
    });
    document.getElementById('find').addEventListener('submit', function (event) {
      event.preventDefault();
      var text = document.getElementById('findStatusText');
      var params = [];
      [['procedure', 'findProcedure'], ['office', 'findOffice'], ['year', 'findYear'], ['status', 'findStatus']]
        .forEach(function (pair) {
          var value = document.getElementById(pair[1]).value.trim();
          if (value) {
            params.push(pair[0] + '=' + encodeURIComponent(value));
          }
        });
      if (document.getElementById('findOverdue').checked) {
        params.push('overdue=true');
      }
      text.textContent = '正在检索……';
      text.className = 'muted';
      api('/api/audit/cases' + (params.length ? '?' + params.join('&') : ''))
        .then(function (cases) {
          text.textContent = '共 ' + cases.length + ' 件' + (cases.length >= 200 ? '（仅显示最近的 200 件，请缩小范围）' : '');
          var tbody = document.querySelector('#findTable tbody');
          tbody.textContent = '';
          cases.forEach(function (c) {
            var link = el('a', { href: 'case.html?key=' + encodeURIComponent(c.businessKey), text: c.businessKey });
            tbody.appendChild(row([link, c.procedureName || c.procedure, c.officeName || '', STATE[c.status] || c.status,
              time(c.startTime), time(c.endTime), c.overdue ? '有' : '']));
          });
          document.getElementById('findTable').hidden = false;
        })
        .catch(function (error) {
          text.textContent = error.message;
          text.className = 'error';
        });
    });
    document.getElementById('batch').addEventListener('submit', function (event) {
      event.preventDefault();
      var status = document.getElementById('batchStatus');
      var year = document.getElementById('year').value.trim();
      var office = document.getElementById('office').value.trim();
      status.textContent = '正在检查……';
      status.className = 'muted';
      api('/api/audit/compliance?year=' + encodeURIComponent(year)
          + (office ? '&office=' + encodeURIComponent(office) : ''))
        .then(function (batch) {
          status.textContent = batch.year + ' 年' + (batch.officeName ? '，' + batch.officeName : '，全部单位') + '：共 '
            + batch.caseCount + ' 件，合规 ' + batch.passed + ' 件，不合规 ' + batch.failed + ' 件';
          var tbody = document.querySelector('#batchTable tbody');
          tbody.textContent = '';
          batch.cases.forEach(function (c) {
            var link = el('a', { href: 'case.html?key=' + encodeURIComponent(c.businessKey), text: c.businessKey });
            var failures = el('div');
            c.failures.forEach(function (f) {
              failures.appendChild(el('div', { text: f.businessKey + ' ' + f.ruleId + '（' + f.article + '）：' + f.explanation }));
            });
            tbody.appendChild(row([link, c.title, c.processKey, STATE[c.state] || c.state, time(c.startTime),
              result(c.overall), failures]));
          });
          document.getElementById('batchTable').hidden = false;
        })
        .catch(function (error) {
          status.textContent = error.message;
          status.className = 'error';
        });
    });
  }

  /* ------------------------------------------------------------ case page */

  function casePage() {
    var key = new URLSearchParams(location.search).get('key');
    var status = document.getElementById('status');
    if (!key) {
      status.textContent = '缺少案号';
      status.className = 'error';
      return;
    }
    var base = '/api/audit/cases/' + encodeURIComponent(key);
    Promise.all([api(base), api(base + '/compliance'), api('/api/audit/verify?businessKey=' + encodeURIComponent(key)),
      api(base + '/model', 'application/xml')])
      .then(function (answers) {
        var data = { timeline: answers[0], compliance: answers[1], verification: answers[2] };
        status.hidden = true;
        summary(data);
        chain(data.verification);
        compliance(data.compliance);
        document.getElementById('timeline').appendChild(timeline(data.timeline));
        document.getElementById('timelineSection').hidden = false;
        return diagram(answers[3], data.timeline).then(function (viewer) {
          document.getElementById('exportJson').addEventListener('click', function () { exportJson(data); });
          document.getElementById('exportHtml').addEventListener('click', function () { exportHtml(data, viewer); });
        });
      })
      .catch(function (error) {
        status.textContent = error.message;
        status.className = 'error';
      });
  }

  function summary(data) {
    var t = data.timeline;
    document.getElementById('title').textContent = t.businessKey;
    document.title = t.businessKey + ' — 案件回溯';
    var body = document.getElementById('summaryBody');
    [['案号', t.businessKey], ['程序', t.processName + '（' + t.model.key + ' 第 ' + t.model.version + ' 版，版本标记 '
      + (t.model.versionTag || '无') + '）'], ['事项', data.compliance.title], ['状态', STATE[t.state] || t.state],
    ['开始', time(t.startTime) + '，' + person(t.startedBy)], ['结束', time(t.endTime)],
    ['合规结论', result(data.compliance.overall)], ['模型部署', t.model.deploymentId + '，BPMN SHA-256 ' + t.model.sha256]]
      .forEach(function (pair) {
        body.appendChild(el('tr', {}, el('th', { text: pair[0] }),
          pair[1] instanceof Node ? el('td', {}, pair[1]) : el('td', { text: text(pair[1]) })));
      });
    document.getElementById('summary').hidden = false;
  }

  function chain(v) {
    var box = document.getElementById('chain');
    box.appendChild(el('p', {}, el('span', { 'class': v.intact ? 'PASS' : 'FAIL',
      text: v.intact ? '完整：历史记录与审计链一致' : '发现 ' + v.problemCount + ' 处不一致' }),
    '（核验 ' + v.checkedLinks + ' 个链节、' + v.checkedRows + ' 条历史记录，' + time(v.verifiedAt) + '）'));
    box.appendChild(el('p', { 'class': 'muted', text: '审计链摘要（请在系统之外留存，用于日后比对）：' + v.digest }));
    if (!v.intact) {
      box.appendChild(table(['类型', '说明', '链节', '表', '记录', '应为', '实为'], v.problems.map(function (p) {
        return row([p.kind, p.description, p.linkId, p.table, p.rowId, p.expectedHash, p.actualHash]);
      })));
    }
    document.getElementById('chainSection').hidden = false;
  }

  function compliance(report) {
    document.getElementById('compliance').appendChild(complianceTable(report));
    document.getElementById('complianceSection').hidden = false;
  }

  function complianceTable(report) {
    var box = el('div');
    box.appendChild(el('p', {}, report.businessKey + '：', result(report.overall),
      '（合规 ' + report.counts.PASS + '，不合规 ' + report.counts.FAIL + '，不适用 ' + report.counts.NOT_APPLICABLE + '）'));
    box.appendChild(table(['规则', '依据', '结论', '说明', '证据'], report.rules.map(function (rule) {
      var evidence = el('div');
      rule.evidence.forEach(function (e) {
        evidence.appendChild(el('div', { 'class': 'muted', text: e.note + '：' + (e.name || '') + ' '
          + (e.value !== null && e.value !== undefined ? text(e.value) + ' ' : '') + time(e.time) }));
      });
      return row([rule.id + ' ' + rule.title, rule.article, result(rule.result), rule.explanation, evidence]);
    })));
    report.calledCases.forEach(function (called) {
      box.appendChild(el('div', { 'class': 'nested' }, complianceTable(called)));
    });
    return box;
  }

  function timeline(t) {
    var rows = [];
    t.steps.forEach(function (step) {
      if (step.activityType.indexOf('Gateway') >= 0 && !step.name) {
        return;
      }
      var details = el('div');
      if (step.outcome.length) {
        var fields = el('div');
        step.outcome.forEach(function (field) {
          fields.appendChild(el('div', { text: (field.label || field.key) + '：' + text(field.value) }));
        });
        details.appendChild(fields);
      }
      step.comments.forEach(function (c) {
        details.appendChild(el('div', { text: '意见（' + person(c.author) + '，' + time(c.time) + '）：' + c.message }));
      });
      step.attachments.forEach(function (a) {
        details.appendChild(el('div', { text: '材料：' + a.name + '，' + a.size + ' 字节，SHA-256 ' + a.sha256 }));
      });
      step.clockEvents.forEach(function (e) {
        details.appendChild(el('div', { 'class': 'muted', text: '期限：' + e.note + (e.dueDate ? '，期限 ' + time(e.dueDate) : '') }));
      });
      if (step.form) {
        details.appendChild(el('div', { 'class': 'muted', text: '表单 ' + step.form.formId + '（部署 ' + step.form.deploymentId
          + '，SHA-256 ' + (step.form.sha256 || '无') + '）' }));
      }
      if (step.calledCase) {
        details.appendChild(el('div', { 'class': 'nested' }, el('p', { text: '调用案件 ' + step.calledCase.businessKey }),
          timeline(step.calledCase)));
      }
      rows.push(row([time(step.startTime), time(step.endTime), step.name || step.activityId,
        step.articles.join('、'), person(step.actor), step.task && step.task.dueDate ? time(step.task.dueDate) : '',
        details]));
    });
    var box = el('div', {}, table(['开始', '结束', '步骤', '法条', '办理人', '办理期限', '提交内容、意见、材料'], rows));
    if (t.attachments.length) {
      box.appendChild(el('p', { text: '案件材料：' + t.attachments.map(function (a) {
        return a.name + '（' + a.size + ' 字节，SHA-256 ' + a.sha256 + '，' + person(a.uploadedBy) + '）';
      }).join('；') }));
    }
    return box;
  }

  function diagram(xml, t) {
    var viewer = new BpmnJS({ container: '#diagram' });
    document.getElementById('diagramSection').hidden = false;
    return viewer.importXML(xml).then(function () {
      var canvas = viewer.get('canvas');
      var registry = viewer.get('elementRegistry');
      canvas.zoom('fit-viewport');
      t.steps.forEach(function (step) {
        if (registry.get(step.activityId)) {
          canvas.addMarker(step.activityId, step.state === 'ACTIVE' ? 'active' : 'visited');
        }
      });
      return viewer;
    });
  }

  /* --------------------------------------------------------------- export */

  function download(name, type, content) {
    var link = el('a', { href: URL.createObjectURL(new Blob([content], { type: type })), download: name });
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  function exportJson(data) {
    var file = { exportedAt: new Date().toISOString(), timeline: data.timeline, compliance: data.compliance,
      verification: data.verification };
    download(data.timeline.businessKey + '.json', 'application/json', JSON.stringify(file, null, 2));
  }

  /* One file with everything shown, the diagram as SVG and the data as JSON: opens offline. */
  function exportHtml(data, viewer) {
    viewer.saveSVG().then(function (result) {
      var json = JSON.stringify(data).replace(/</g, '\\u003c');
      var sections = ['summary', 'chainSection', 'complianceSection', 'timelineSection'].map(function (id) {
        return document.getElementById(id).outerHTML;
      }).join('\n');
      var title = document.createElement('div');
      title.textContent = data.timeline.businessKey + ' 案件回溯（导出于 ' + new Date().toLocaleString('zh-CN') + '）';
      var html = '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="UTF-8"><title>' + title.innerHTML
        + '</title><style>' + EXPORT_STYLE + '</style></head><body><h1>' + title.innerHTML + '</h1>\n'
        + '<section><h2>流程图</h2>' + result.svg + '</section>\n' + sections
        + '\n<script type="application/json" id="data">' + json + '</script></body></html>';
      download(data.timeline.businessKey + '.html', 'text/html', html);
    });
  }

  return { index: index, casePage: casePage };
}());
