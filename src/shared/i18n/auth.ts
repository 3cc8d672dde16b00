import { defineMessages } from './define'

export const authMessages = defineMessages(
  {
    'auth.wrongPin': '用户名或 PIN 不正确',
    'auth.wrongPinLeft': 'PIN 不正确，还可尝试 {left} 次',
    'auth.setupAlreadyDone': '门店已经初始化过了',
    'auth.usernameTaken': '该用户名已被使用',
    'auth.lastManager': '不能停用或降级最后一位店长',
    'role.counter': '前台',
    'role.technician': '技术员',
    'role.warehouse': '仓管',
    'role.manager': '店长'
  },
  {
    'auth.wrongPin': 'Wrong user name or PIN',
    'auth.wrongPinLeft': 'Wrong PIN, {left} attempts left',
    'auth.setupAlreadyDone': 'This store has already been set up',
    'auth.usernameTaken': 'This user name is taken',
    'auth.lastManager': 'The last manager cannot be deactivated or demoted',
    'role.counter': 'Counter',
    'role.technician': 'Technician',
    'role.warehouse': 'Warehouse',
    'role.manager': 'Manager'
  }
)
