import { defineMessages } from './define'

/** The database-integrity screen and its error (shown when the database fails its checks at start). */
export const systemMessages = defineMessages(
  {
    'err.DATABASE_DAMAGED': '数据库文件未通过启动检查，程序未打开它，也不会写入任何内容',
    'system.damagedWhileRunning': '读写数据库时发现文件已损坏，本次操作未保存。请不要继续办理业务，重新启动程序以检查数据库。',
    'system.tamperGuard': '这条记录已经登记，不能修改或删除（例如已发出的单号、收款和操作日志）；如需更正，请新增一条更正记录。',
    'system.damaged.title': '数据库已损坏或无法识别',
    'system.damaged.lead': '为保护现有记录，程序没有打开这个数据库，也没有向其中写入任何内容。在问题解决之前无法办理业务。',
    'system.damaged.problem.empty': '数据库文件是空的（0 字节）。程序不会把它当作新店重新初始化。',
    'system.damaged.problem.notSqlite': '该文件不是 SQLite 数据库（文件头不对），可能已被其他程序覆盖。',
    'system.damaged.problem.truncated': '数据库文件不完整（比文件头记录的短），可能在复制或断电时被截断。',
    'system.damaged.problem.notThisApp': '该文件是 SQLite 数据库，但不是本程序的数据库。',
    'system.damaged.problem.corrupt': '数据库完整性检查发现损坏的页面，继续使用可能丢失或弄乱记录。',
    'system.damaged.problem.foreignKeys': '数据库中有记录指向不存在的记录（外键检查失败）。',
    'system.damaged.file': '数据库文件',
    'system.damaged.details': 'SQLite 检查结果',
    'system.damaged.backup': '最新的备份：{path}（{takenAt}）',
    'system.damaged.noBackup': '没有找到备份。',
    'system.damaged.whatNow':
      '请不要删除或改动该文件。请联系店长或技术支持：可从备份恢复，或把损坏的文件交给技术人员检查。修复或替换文件后重新启动程序。'
  },
  {
    'err.DATABASE_DAMAGED': 'The database failed its start-up check; the app did not open it and writes nothing',
    'system.damagedWhileRunning':
      'The database file turned out to be damaged while it was in use; this action was not saved. Stop taking work and restart the app so it checks the database.',
    'system.tamperGuard':
      'This record is final and cannot be changed or deleted (issued order numbers, payments, the audit log); record a correction instead.',
    'system.damaged.title': 'The database is damaged or not recognised',
    'system.damaged.lead':
      'To protect the records, the app did not open this database and wrote nothing to it. No work can be done until this is resolved.',
    'system.damaged.problem.empty': 'The database file is empty (0 bytes). The app will not set it up again as a new store.',
    'system.damaged.problem.notSqlite': 'The file is not an SQLite database (wrong header); another program may have overwritten it.',
    'system.damaged.problem.truncated': 'The database file is incomplete (shorter than its header says); it may have been cut off while copying or in a power cut.',
    'system.damaged.problem.notThisApp': 'The file is an SQLite database, but not this app’s.',
    'system.damaged.problem.corrupt': 'The integrity check found damaged pages; using it could lose or mix up records.',
    'system.damaged.problem.foreignKeys': 'Some records point to records that do not exist (foreign key check failed).',
    'system.damaged.file': 'Database file',
    'system.damaged.details': 'What SQLite reported',
    'system.damaged.backup': 'Newest backup: {path} ({takenAt})',
    'system.damaged.noBackup': 'No backup was found.',
    'system.damaged.whatNow':
      'Do not delete or change the file. Call the manager or support: restore from a backup, or give the damaged file to a technician. Restart the app once the file has been repaired or replaced.'
  }
)
